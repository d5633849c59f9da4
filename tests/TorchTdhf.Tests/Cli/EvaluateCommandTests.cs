using System.Text.Json;
using TorchTdhf.Datasets;
using TorchTdhf.Models;
using TorchTdhf.Tests.Study;

namespace TorchTdhf.Tests.Cli;

public class EvaluateCommandTests(MicroDataset data) : IClassFixture<MicroDataset>
{
    [Fact]
    public void PrintsTheMetricsOfACheckpointAsJsonAndAsATable()
    {
        using var run = new TempFolder();
        using (var system = DatasetSystemFile.Read(data.Folder))
        using (var model = ModelFactory.FromTrue(ModelKind.Symm, system))
            CheckpointFixtures.Save(run.Path, model, data.Folder);

        var json = CliRunner.Run("evaluate", "--checkpoint", run.Path, "--test", data.Folder, "--json");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        var metrics = document.RootElement.GetProperty("metrics");
        Assert.Equal(0, metrics.GetProperty("parameter_error").GetProperty("max_abs").GetDouble());
        Assert.Equal(2, metrics.GetProperty("test_sets").GetArrayLength());

        var table = CliRunner.Run("evaluate", "--checkpoint", run.Path, "--test", data.Folder, "--no-propagation");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("test-field-on", table.Output);
        Assert.Contains("Hamiltonian (parameter) error: max 0.000E+000", table.Output);
    }

    [Fact]
    public void MissingFoldersAreInputErrors()
    {
        using var empty = new TempFolder();
        var missing = Path.Combine(empty.Path, "nowhere");
        var checkpoint = CliRunner.Run("evaluate", "--checkpoint", missing, "--test", data.Folder);
        Assert.Equal(2, checkpoint.ExitCode);
        Assert.Contains("nowhere", checkpoint.Error);
    }
}
