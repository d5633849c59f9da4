using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Chemistry;
using TorchTdhf.Chemistry.Integrals;
using TorchTdhf.Cli.Output;
using TorchTdhf.Cli.Settings;

namespace TorchTdhf.Cli.Commands;

/// <summary><c>tdhf bench eri</c>: times the full electron-repulsion tensor (best of several runs after a warm-up).</summary>
public sealed class BenchEriCommand : Command<BenchEriSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BenchEriSettings settings, CancellationToken cancellationToken)
    {
        var (_, basis) = new MolecularSystemBuilder().Resolve(settings.RequireSystemSpec());
        var options = IntegralOptions.Default with { MaxDegreeOfParallelism = settings.Threads ?? -1 };
        var runs = new List<EriResult>();
        Busy.Run(settings, $"ERIs of {basis.FunctionCount} functions: warm-up and {settings.Repeat} timed runs", () =>
        {
            IntegralEngine.ElectronRepulsionWithStatistics(basis, options);
            for (var i = 0; i < settings.Repeat; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                runs.Add(IntegralEngine.ElectronRepulsionWithStatistics(basis, options));
            }
            return runs;
        });

        var best = runs.MinBy(r => r.Elapsed)!;
        var seconds = best.Elapsed.TotalSeconds;
        long pairs = (long)basis.FunctionCount * (basis.FunctionCount + 1) / 2;
        var unique = pairs * (pairs + 1) / 2;
        var report = new EriBenchReport(settings.Molecule!, basis.Name, basis.FunctionCount, seconds, runs.Select(r => r.Elapsed.TotalSeconds).ToArray(),
            unique, unique / seconds, best.UniqueIntegrals, best.ShellQuartets, best.ComputedQuartets, best.ScreenedQuartets,
            best.PrimitiveQuartets, options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount);
        if (settings.Json) JsonOutput.Print(report);
        else
        {
            AnsiConsole.WriteLine($"{report.Molecule}/{report.Basis}: {report.NBasis} functions, {report.Threads} threads");
            AnsiConsole.WriteLine($"  seconds            {report.Seconds:F4} (best of {runs.Count}: {string.Join(", ", report.Runs.Select(s => s.ToString("F4")))})");
            AnsiConsole.WriteLine($"  unique integrals   {report.UniqueIntegrals:N0} (8-fold symmetry; {report.IntegralsEvaluated:N0} evaluated in shell blocks)");
            AnsiConsole.WriteLine($"  integrals/s        {report.IntegralsPerSecond:N0}");
            AnsiConsole.WriteLine($"  shell quartets     {report.ShellQuartets:N0} ({report.ScreenedQuartets:N0} screened by Schwarz)");
            AnsiConsole.WriteLine($"  primitive quartets {report.PrimitiveQuartets:N0}");
        }
        return 0;
    }

    private sealed record EriBenchReport(string Molecule, string Basis, int NBasis, double Seconds, double[] Runs, long UniqueIntegrals,
        double IntegralsPerSecond, long IntegralsEvaluated, long ShellQuartets, long ComputedQuartets, long ScreenedQuartets, long PrimitiveQuartets, int Threads);
}
