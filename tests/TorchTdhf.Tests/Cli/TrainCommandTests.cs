using System.Text.Json;
using TorchTdhf.Tests.Training.Runs;
using Xunit;

namespace TorchTdhf.Tests.Cli;

public sealed class TrainCommandTests(TinyDataset data) : IClassFixture<TinyDataset>
{
    [Fact]
    public void TrainsAndPrintsOneJsonObject()
    {
        var run = data.NewRunFolder();
        var result = CliRunner.Run("train", "--data", data.Folder, "--model", "herm", "--solver", "lsmr", "--iterations", "5", "--out", run, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("herm", json.RootElement.GetProperty("model").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("iterations").GetInt64());
        Assert.True(File.Exists(Path.Combine(run, "summary.json")));
        Assert.True(File.Exists(Path.Combine(run, "latest", "model.pt")));
    }

    [Theory]
    [InlineData("--model", "dense", "unknown model 'dense' (known: tied, herm, symm)")]
    [InlineData("--solver", "newton", "unknown solver 'newton' (known: lsmr, exact, adam, lbfgs, sgd, rollout)")]
    [InlineData("--lr", "0", "learning rate must be a positive number")]
    [InlineData("--device", "cuda", "libtorch-cuda is not installed")]
    public void BadOptionsExitWithCodeTwo(string option, string value, string message)
    {
        var args = new[] { "train", "--data", data.Folder, "--solver", "adam", "--out", data.NewRunFolder(), option, value };
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void NaNInTheDataIsRefused()
    {
        using var copy = new TempFolder();
        CopyFolder(data.Folder, copy.Path);
        var trajectory = Directory.GetDirectories(copy.Path).First(d => Path.GetFileName(d) == "train");
        var densities = TorchTdhf.IO.Npy.Read(Path.Combine(trajectory, "P.npy")).ToTensor();
        densities[3].fill_(double.NaN);
        TorchTdhf.IO.Npy.Write(Path.Combine(trajectory, "P.npy"), TorchTdhf.IO.NpyArray.FromTensor(densities));
        var result = CliRunner.Run("train", "--data", copy.Path, "--role", "train", "--out", data.NewRunFolder());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("NaN", result.Error);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(from, to));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to), overwrite: true);
    }
}
