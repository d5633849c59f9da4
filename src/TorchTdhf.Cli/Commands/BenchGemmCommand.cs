using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Benchmarks;
using TorchTdhf.Cli.Output;
using TorchTdhf.Cli.Settings;
using TorchTdhf.Runtime;

namespace TorchTdhf.Cli.Commands;

/// <summary><c>tdhf bench gemm</c>: the float64 and complex128 matrix-multiply peaks other benchmarks are measured against.</summary>
public sealed class BenchGemmCommand : Command<BenchGemmSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BenchGemmSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Size < 1) throw new TdhfInputException($"the matrix order must be positive, not {settings.Size}", key: "--size");
        if (settings.Repeat < 1) throw new TdhfInputException($"at least one timed product is needed, not {settings.Repeat}", key: "--repeat");
        using var threads = new TorchThreads(settings.Threads);
        var peak = Busy.Run(settings, $"GEMM peaks at n = {settings.Size}", () => GemmBenchmark.Measure(settings.Size, settings.Repeat));
        if (settings.Json) JsonOutput.Print(peak);
        else
        {
            AnsiConsole.WriteLine($"GEMM peak, n = {peak.Size}, {peak.Threads} threads (best of {settings.Repeat})");
            AnsiConsole.WriteLine($"  float64     {peak.Float64GflopsPerSecond,8:F1} GFLOP/s");
            AnsiConsole.WriteLine($"  complex128  {peak.Complex128GflopsPerSecond,8:F1} GFLOP/s");
        }
        return 0;
    }
}
