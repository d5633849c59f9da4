using System.Text.Json;
using TorchTdhf.Cli;
using TorchTdhf.Datasets;

namespace TorchTdhf.Tests.Cli;

public class GenerateCommandTests
{
    [Fact]
    public void GeneratesACustomDataset()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("generate", "--molecule", "heh+", "--basis", "6-31g", "--initial", "kick:strength=0.1,dir=z",
            "--field", "paper", "--dt", "0.01", "--steps", "20", "--stride", "5", "--out", folder.Path, "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var batch = json.RootElement.GetProperty("datasets")[0].GetProperty("batches")[0];
        Assert.Equal(1, batch.GetProperty("members").GetInt32());
        var entry = Assert.Single(DatasetFolder.Open(folder.Path).Manifest.Trajectories);
        Assert.True(entry.Completed);
        Assert.Equal("train", entry.Role);
    }

    [Fact]
    public void RunsAScaledPresetAndResumes()
    {
        using var folder = new TempFolder();
        string[] args = { "generate", "--preset", "heh+_6-31g", "--scale", "0.0001", "--out", folder.Path, "--json" };
        var first = CliRunner.Run(args);
        Assert.Equal(0, first.ExitCode);
        var manifest = DatasetFolder.Open(Path.Combine(folder.Path, "heh+_6-31g")).Manifest;
        Assert.Equal(103, manifest.Trajectories.Count);
        var second = CliRunner.Run(args);
        using var json = JsonDocument.Parse(second.Output);
        foreach (var b in json.RootElement.GetProperty("datasets")[0].GetProperty("batches").EnumerateArray())
            Assert.Equal(b.GetProperty("members").GetInt32(), b.GetProperty("skipped").GetInt32());
    }

    [Theory]
    [InlineData("stride", "--steps", "20", "--stride", "3")]
    [InlineData("dt", "--dt", "-1")]
    [InlineData("unknown propagator", "--integrator", "euler")]
    [InlineData("field", "--field", "laser")]
    public void BadSettingsAreClearErrorsAndWriteNoTrajectory(string expected, params string[] extra)
    {
        using var folder = new TempFolder();
        var args = new[] { "generate", "--molecule", "heh+", "--basis", "6-31g", "--out", folder.Path, "--steps", "20", "--stride", "5" }.Concat(extra).ToArray();
        var result = CliRunner.Run(args);
        Assert.Equal(CliApp.InputError, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Empty(Directory.GetFiles(folder.Path, "P.npy", SearchOption.AllDirectories));
    }

    [Fact]
    public void UnknownPresetIsNamed()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("generate", "--preset", "benzene", "--out", folder.Path);
        Assert.Equal(CliApp.InputError, result.ExitCode);
        Assert.Contains("unknown preset 'benzene'", result.Error);
    }
}
