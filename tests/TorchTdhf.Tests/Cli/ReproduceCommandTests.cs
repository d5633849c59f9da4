using System.Text.Json;

namespace TorchTdhf.Tests.Cli;

public class ReproduceCommandTests
{
    [Fact]
    public void AnUnknownPresetIsAnInputErrorListingThePresets()
    {
        var result = CliRunner.Run("reproduce", "--preset", "everything");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("quick, small, paper, paper-data", result.Error);
    }

    [Fact]
    public void AnUnknownSystemIsAnInputErrorListingTheSystems()
    {
        var result = CliRunner.Run("reproduce", "--preset", "quick", "--systems", "heh+_6-31g,benzene");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("benzene", result.Error);
        Assert.Contains("c2h4_sto-3g", result.Error);
    }

    [Fact]
    public void CudaIsRefusedWithTheReason()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("reproduce", "--preset", "micro", "--device", "cuda", "--out", folder.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cuda", result.Error);
    }

    [Fact]
    [Trait("Category", "Long")]
    public void QuickPresetRunsEndToEnd()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("reproduce", "--preset", "quick", "--out", folder.Path, "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(new[] { "heh+_6-31g", "lih_6-31g" }, json.RootElement.GetProperty("systems").EnumerateArray().Select(s => s.GetString()));
        Assert.All(new[] { "results.json", "tables.md", "tables.tex" }, name => Assert.True(File.Exists(Path.Combine(folder.Path, name)), name));
        Assert.Equal(12, Directory.GetFiles(Path.Combine(folder.Path, "plots"), "*.png").Length);
        Assert.Equal(12, Directory.GetFiles(Path.Combine(folder.Path, "arrays"), "*.npz").Length);
    }
}
