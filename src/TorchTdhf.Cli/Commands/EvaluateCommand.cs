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
        // Metrics as rows and test sets as columns, so that the table stays narrow.
        var sets = r.Metrics.TestSets;
        var table = new Table().AddColumn("metric");
        foreach (var set in sets) table.AddColumn(Markup.Escape(set.Name), c => c.RightAligned());
        void Row(string metric, Func<TestSetMetrics, string> value) => table.AddRow(new[] { metric }.Concat(sets.Select(value)).ToArray());
        static string Max(TestSetMetrics set, Func<PropagationMetrics, double> f) => set.Propagation.Count == 0 ? "—" : set.Propagation.Max(f).ToString("E2");
        Row("trajectories", s => s.TrajectoryCount.ToString());
        Row("residual Σ‖r‖²/S", s => s.Commutator.MeanSquared.ToString("E2"));
        Row("residual max |r|", s => s.Commutator.MaxAbs.ToString("E2"));
        Row("potential max |ΔG|", s => s.PotentialErrorMaxAbs.ToString("E2"));
        Row("propagation max |ΔP|", s => Max(s, x => x.DensityErrorMaxAbs));
        Row("dipole max |Δd|", s => Max(s, x => x.DipoleErrorMaxAbs));
        Row("drift |Tr P − N_e|", s => Max(s, x => x.Drift.Trace));
        Row("drift ‖P² − 2P‖", s => Max(s, x => x.Drift.Idempotency));
        Row("blew up", s => s.Propagation.Count == 0 ? "—" : s.Propagation.Any(x => x.BlewUp) ? "yes" : "no");
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"{r.Seconds:F1} s");
    }
}
