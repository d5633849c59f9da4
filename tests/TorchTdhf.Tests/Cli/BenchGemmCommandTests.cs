using System.Text.Json;
using TorchTdhf.Cli;

namespace TorchTdhf.Tests.Cli;

public class BenchGemmCommandTests
{
    [Fact]
    public void PrintsBothPeaksAndTheThreadCount()
    {
        var result = CliRunner.Run("bench", "gemm", "--size", "64", "--repeat", "2", "--threads", "1", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(64, root.GetProperty("size").GetInt32());
        Assert.True(root.GetProperty("float64_gflops_per_second").GetDouble() > 0);
        Assert.True(root.GetProperty("complex128_gflops_per_second").GetDouble() > 0);
        Assert.Equal(1, root.GetProperty("threads").GetInt32());
    }

    [Fact]
    public void HumanReadableReportNamesBothDtypes()
    {
        var result = CliRunner.Run("bench", "gemm", "--size", "32", "--threads", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("float64", result.Output);
        Assert.Contains("complex128", result.Output);
    }

    [Theory]
    [InlineData("--size", "0")]
    [InlineData("--repeat", "0")]
    [InlineData("--threads", "0")]
    public void RejectsNonPositiveSettings(string option, string value)
    {
        var result = CliRunner.Run("bench", "gemm", option, value);
        Assert.Equal(CliApp.InputError, result.ExitCode);
        Assert.Contains(option.TrimStart('-'), result.Error);
    }
}
