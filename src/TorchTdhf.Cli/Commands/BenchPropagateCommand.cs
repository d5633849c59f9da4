using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Benchmarks;
using TorchTdhf.Chemistry;
using TorchTdhf.Cli.Output;
using TorchTdhf.Cli.Settings;
using TorchTdhf.Dynamics;

namespace TorchTdhf.Cli.Commands;

/// <summary>
/// <c>tdhf bench propagate</c>: trajectory-steps per second of ensemble propagation, its GFLOP/s and the fraction of
/// the float64 and complex128 GEMM peaks measured in the same run.
/// </summary>
public sealed class BenchPropagateCommand : Command<BenchPropagateSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BenchPropagateSettings settings, CancellationToken cancellationToken)
    {
        var options = new PropagationBenchmarkOptions
        {
            BatchSize = settings.Batch,
            Steps = settings.Steps,
            Repeat = settings.Repeat,
            WarmupSteps = settings.Warmup,
            Integrator = settings.Integrator,
            Field = settings.Field is { } spec ? Field.Parse(spec) : SinusoidalField.Paper(),
            TimeStep = settings.TimeStep,
            Seed = settings.Seed,
            Noise = settings.Noise,
            GemmSize = settings.GemmSize,
            Threads = settings.Threads,
        };
        // Before the system is built, which can take a while.
        options.Validate();
        using var system = Busy.Run(settings, "Building the system", settings.BuildSystem);
        var result = Busy.Run(settings, $"{options.Integrator}, B = {options.BatchSize}, N = {system.OrbitalCount}: warm-up, {options.Repeat} × {options.Steps} steps, GEMM peak",
            () => PropagationBenchmark.Run(system, options, cancellationToken));
        if (settings.Json) JsonOutput.Print(Report.From(result));
        else Print(result);
        return 0;
    }


    private static void Print(PropagationBenchmarkResult r)
    {
        AnsiConsole.WriteLine($"{r.System}: N = {r.BasisSize}, {r.Integrator}, B = {r.BatchSize}, dt = {r.TimeStep}, {r.Runs.Count} × {r.Steps} steps, {r.Threads} threads");
        AnsiConsole.WriteLine($"  trajectory-steps/s   {r.TrajectoryStepsPerSecond:N0} (best of {r.Runs.Count}: {string.Join(", ", r.Runs.Select(s => s.ToString("F3")))} s)");
        AnsiConsole.WriteLine($"  flop per step        {r.FlopsPerTrajectoryStep:E3} per trajectory ({r.FockBuildsPerStep:F2} Fock builds)");
        AnsiConsole.WriteLine($"  GFLOP/s              {r.Gflops:F1}");
        AnsiConsole.WriteLine($"  GEMM peak            float64 {r.Gemm.Float64GflopsPerSecond:F1}, complex128 {r.Gemm.Complex128GflopsPerSecond:F1} GFLOP/s (n = {r.Gemm.Size})");
        AnsiConsole.WriteLine($"  fraction of peak     complex128 {r.FractionOfComplexGemmPeak:P1}, float64 {r.FractionOfFloat64GemmPeak:P1}");
    }

    // The JSON shape: the result's figures, derived ones included, with snake_case keys.
    private sealed record Report(string System, int NBasis, string Integrator, int Batch, int Steps, double Dt, int Threads, double Seconds,
        IReadOnlyList<double> Runs, double TrajectoryStepsPerSecond, double FockBuildsPerStep, double FlopsPerTrajectoryStep, double FlopsPerStep,
        double Gflops, double FractionOfComplexGemmPeak, double FractionOfFloat64GemmPeak, GemmPeak Gemm)
    {
        public static Report From(PropagationBenchmarkResult r) => new(r.System, r.BasisSize, r.Integrator, r.BatchSize, r.Steps, r.TimeStep, r.Threads,
            r.Seconds, r.Runs, r.TrajectoryStepsPerSecond, r.FockBuildsPerStep, r.FlopsPerTrajectoryStep, r.FlopsPerStep, r.Gflops,
            r.FractionOfComplexGemmPeak, r.FractionOfFloat64GemmPeak, r.Gemm);
    }
}
