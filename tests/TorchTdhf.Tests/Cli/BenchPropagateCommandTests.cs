using System.Text.Json;
using TorchTdhf.Cli;

namespace TorchTdhf.Tests.Cli;

public class BenchPropagateCommandTests
{
    private static readonly string[] Tiny = { "--batch", "4", "--steps", "2", "--repeat", "1", "--warmup", "1", "--gemm-size", "32", "--threads", "1" };

    [Theory]
    [InlineData("rk4")]
    [InlineData("magnus4")]
    [InlineData("expmid")]
    public void PrintsRatesAndFractionsOfTheGemmPeaks(string integrator)
    {
        var result = CliRunner.Run(new[] { "bench", "propagate", "--molecule", "h2o", "--basis", "sto-3g", "--integrator", integrator, "--json" }.Concat(Tiny).ToArray());
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(integrator, root.GetProperty("integrator").GetString());
        Assert.Equal(7, root.GetProperty("n_basis").GetInt32());
        Assert.Equal(4, root.GetProperty("batch").GetInt32());
        var rate = root.GetProperty("trajectory_steps_per_second").GetDouble();
        var gflops = root.GetProperty("gflops").GetDouble();
        Assert.True(rate > 0);
        Assert.Equal(rate * root.GetProperty("flops_per_trajectory_step").GetDouble() / 1e9, gflops, 1e-9);
        var gemm = root.GetProperty("gemm");
        Assert.Equal(32, gemm.GetProperty("size").GetInt32());
        Assert.Equal(gflops / gemm.GetProperty("complex128_gflops_per_second").GetDouble(), root.GetProperty("fraction_of_complex_gemm_peak").GetDouble(), 1e-12);
        Assert.Equal(gflops / gemm.GetProperty("float64_gflops_per_second").GetDouble(), root.GetProperty("fraction_of_float64_gemm_peak").GetDouble(), 1e-12);
        Assert.True(root.GetProperty("fock_builds_per_step").GetDouble() >= 1);
    }

    [Fact]
    public void ReadsASystemFileAndAField()
    {
        using var folder = new TempFolder();
        var path = folder.File("heh.npz");
        Assert.Equal(0, CliRunner.Run("system", "--molecule", "heh+", "--basis", "6-31g", "--out", path).ExitCode);
        var result = CliRunner.Run(new[] { "bench", "propagate", "--system", path, "--field", "kick:strength=1e-3,dir=z" }.Concat(Tiny).ToArray());
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("trajectory-steps/s", result.Output);
        Assert.Contains("complex128", result.Output);
    }

    [Theory]
    [InlineData("--batch", "0", "batch")]
    [InlineData("--steps", "0", "steps")]
    [InlineData("--dt", "-1", "dt")]
    [InlineData("--integrator", "euler", "euler")]
    [InlineData("--field", "square:amp=1", "square")]
    public void RejectsBadSettingsWithAnInputError(string option, string value, string named)
    {
        var result = CliRunner.Run("bench", "propagate", "--molecule", "h2o", "--basis", "sto-3g", option, value);
        Assert.Equal(CliApp.InputError, result.ExitCode);
        Assert.Contains(named, result.Error);
    }

    [Fact]
    public void RejectsASystemFileTogetherWithAMolecule()
    {
        var result = CliRunner.Run("bench", "propagate", "--system", "x.npz", "--molecule", "h2o", "--basis", "sto-3g");
        Assert.Equal(CliApp.InputError, result.ExitCode);
        Assert.Contains("--system", result.Error);
    }
}
