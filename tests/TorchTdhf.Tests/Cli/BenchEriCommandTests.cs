using System.Text.Json;

namespace TorchTdhf.Tests.Cli;

public class BenchEriCommandTests
{
    [Fact]
    public void ReportsTimingAndThroughput()
    {
        var result = CliRunner.Run("bench", "eri", "--molecule", "h2o", "--basis", "sto-3g", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(7, root.GetProperty("n_basis").GetInt32());
        Assert.True(root.GetProperty("seconds").GetDouble() > 0);
        Assert.Equal(3, root.GetProperty("runs").GetArrayLength());
        // Unique integrals of 7 functions under the eight-fold symmetry: p(p+1)/2 with p = 7·8/2 = 28.
        Assert.Equal(406, root.GetProperty("unique_integrals").GetInt64());
        Assert.True(root.GetProperty("integrals_per_second").GetDouble() > 0);
    }

    [Fact]
    public void RejectsFewerThanThreeRepeats()
    {
        var result = CliRunner.Run("bench", "eri", "--molecule", "h2o", "--basis", "sto-3g", "--repeat", "2");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--repeat", result.Error);
    }
}
