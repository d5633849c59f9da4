using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Benchmarks;
using TorchTdhf.Chemistry;
using TorchTdhf.Cli.Output;
using TorchTdhf.Cli.Settings;
using TorchTdhf.Models;

namespace TorchTdhf.Cli.Commands;

/// <summary>
/// <c>tdhf bench train</c>: seconds per LSMR iteration of derivative matching (one J·v and one Jᵀ·w over all samples),
/// its GFLOP/s and the fraction of the float64 GEMM peak measured in the same run.
/// </summary>
public sealed class BenchTrainCommand : Command<BenchTrainSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BenchTrainSettings settings, CancellationToken cancellationToken)
    {
        var options = new TrainingBenchmarkOptions
        {
            Model = ModelKinds.Parse(settings.Model),
            Samples = settings.Samples,
            Chunk = settings.Chunk,
            Repeat = settings.Repeat,
            Seed = settings.Seed,
            GemmSize = settings.GemmSize,
            Threads = settings.Threads,
        };
        options.Validate();
        using var system = Busy.Run(settings, "Building the system", settings.BuildSystem);
        var result = Busy.Run(settings, $"{settings.Model}, S = {options.Samples}, N = {system.OrbitalCount}: warm-up, {options.Repeat} iterations, GEMM peak",
            () => TrainingBenchmark.Run(system, options, cancellationToken));
        if (settings.Json) JsonOutput.Print(Report.From(result));
        else Print(result);
        return 0;
    }


    private static void Print(TrainingBenchmarkResult r)
    {
        AnsiConsole.WriteLine($"{r.System}: N = {r.BasisSize}, {r.Model} model ({r.ParameterCount:N0} parameters), S = {r.Samples:N0}, chunk {r.Chunk:N0}, {r.Threads} threads");
        AnsiConsole.WriteLine($"  s per LSMR iteration {r.SecondsPerIteration:F3} (best of {r.Runs.Count}: {string.Join(", ", r.Runs.Select(s => s.ToString("F3")))} s)");
        AnsiConsole.WriteLine($"  flop per iteration   {r.FlopsPerIteration:E3}");
        AnsiConsole.WriteLine($"  GFLOP/s              {r.Gflops:F1}");
        AnsiConsole.WriteLine($"  GEMM peak            float64 {r.Gemm.Float64GflopsPerSecond:F1} GFLOP/s (n = {r.Gemm.Size})");
        AnsiConsole.WriteLine($"  fraction of peak     float64 {r.FractionOfFloat64GemmPeak:P1}");
    }

    // The JSON shape: the result's figures, derived ones included, with snake_case keys.
    private sealed record Report(string System, int NBasis, string Model, long Parameters, int Samples, long Chunk, int Threads, IReadOnlyList<double> Runs,
        double SecondsPerIteration, double FlopsPerIteration, double Gflops, double FractionOfFloat64GemmPeak, GemmPeak Gemm)
    {
        public static Report From(TrainingBenchmarkResult r) => new(r.System, r.BasisSize, r.Model, r.ParameterCount, r.Samples, r.Chunk, r.Threads, r.Runs,
            r.SecondsPerIteration, r.FlopsPerIteration, r.Gflops, r.FractionOfFloat64GemmPeak, r.Gemm);
    }
}
