using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Cli.Output;
using TorchTdhf.Cli.Settings;
using TorchTdhf.Evaluation;
using TorchTdhf.Study;

namespace TorchTdhf.Cli.Commands;

/// <summary><c>tdhf evaluate</c>: metrics of a checkpointed model on held-out trajectories.</summary>
public sealed class EvaluateCommand : Command<EvaluateSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, EvaluateSettings settings, CancellationToken cancellationToken)
    {
        var options = new EvaluationOptions { Propagate = !settings.NoPropagation };
        var report = Busy.Run(settings, "evaluating", () => CheckpointEvaluation.Run(settings.Checkpoint!, settings.Test, options, cancellationToken));
        if (settings.Json) JsonOutput.Print(report);
        else Print(report);
        return 0;
    }

    private static void Print(EvaluationReport r)
    {
        AnsiConsole.WriteLine($"{r.Model} model, N = {r.BasisSize}, {r.ParameterCount} parameters, {r.Solver} × {r.Iteration} iterations ({r.Checkpoint})");
        AnsiConsole.WriteLine($"system {r.SystemFingerprint}");
        if (r.Metrics.TrainingLoss is { } loss) AnsiConsole.WriteLine($"training loss (last iteration): {loss:E3}");
        if (r.Metrics.ParameterError is { } p) AnsiConsole.WriteLine($"Hamiltonian (parameter) error: max {p.MaxAbs:E3}, mean {p.MeanAbs:E3} over {p.ParameterCount} parameters");
        var table = new Table().AddColumns("test set", "trajectories", "Σ‖r‖²/S", "max |r|", "max |ΔG|", "max |ΔP|", "max |Δd|", "drift Tr / herm / idem", "blew up");
        foreach (var set in r.Metrics.TestSets)
        {
            var runs = set.Propagation;
            string Max(Func<PropagationMetrics, double> f) => runs.Count == 0 ? "—" : runs.Max(f).ToString("E2");
            var drift = runs.Count == 0 ? "—" : $"{runs.Max(x => x.Drift.Trace):E1} / {runs.Max(x => x.Drift.Hermiticity):E1} / {runs.Max(x => x.Drift.Idempotency):E1}";
            table.AddRow(Markup.Escape(set.Name), set.TrajectoryCount.ToString(), set.Commutator.MeanSquared.ToString("E2"), set.Commutator.MaxAbs.ToString("E2"),
                set.PotentialErrorMaxAbs.ToString("E2"), Max(x => x.DensityErrorMaxAbs), Max(x => x.DipoleErrorMaxAbs), drift,
                runs.Any(x => x.BlewUp) ? "yes" : "no");
        }
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"{r.Seconds:F1} s");
    }
}
