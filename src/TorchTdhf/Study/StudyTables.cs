using TorchTdhf.Evaluation;
using TorchTdhf.Dynamics.Generation;
using TorchTdhf.Reporting;

namespace TorchTdhf.Study;

/// <summary>The paper-style tables of a reproduction: models as rows, systems as columns, one table per metric.</summary>
public static class StudyTables
{
    private sealed record Metric(string Title, string Caption, Func<ModelResults, double?> Value, NumberFormat? Format = null);

    /// <summary>The tables of <paramref name="results"/>.</summary>
    public static IReadOnlyList<ResultTable> Build(StudyResults results)
    {
        var metrics = new[]
        {
            new Metric("Training loss", "Final derivative-matching loss $\\sum_t \\|r_t\\|_F^2$ on the model's training samples (hartree$^2$).",
                m => m.Training.FinalLoss),
            new Metric("Training loss over the data floor", "Final training loss divided by the true potential's loss on the same samples (the finite-difference floor of the data); $\\le 1$: the fit reached the floor.",
                m => m.Training.TrueLoss > 0 ? m.Training.FinalLoss / m.Training.TrueLoss : null),
            new Metric("Iterations", "Solver iterations run (LSMR stops at machine precision or at the preset's cap).",
                m => m.Training.Iterations, NumberFormat.Fixed(0)),
            new Metric("Field-free propagation error", "max over time and entries of $|P_\\mathrm{model} - P_\\mathrm{true}|$ on the field-free test trajectory.",
                m => Propagation(m, ProtocolPreset.FieldFreeTestRole)),
            new Metric("Field-on propagation error", "max over time and entries of $|P_\\mathrm{model} - P_\\mathrm{true}|$ on the field-on test trajectory.",
                m => Propagation(m, ProtocolPreset.FieldOnTestRole)),
            new Metric("Commutator error, field-free test", "Mean squared residual $\\sum_t \\|r_t\\|_F^2 / S$ on the field-free test samples (hartree$^2$).",
                m => Set(m, ProtocolPreset.FieldFreeTestRole)?.Commutator.MeanSquared),
            new Metric("Commutator error, field-on test", "Mean squared residual $\\sum_t \\|r_t\\|_F^2 / S$ on the field-on test samples (hartree$^2$).",
                m => Set(m, ProtocolPreset.FieldOnTestRole)?.Commutator.MeanSquared),
            new Metric("Hamiltonian error (max)", "$L_\\infty$ norm of $\\theta_\\mathrm{learned} - \\theta_\\mathrm{true}$ in the model's parameterisation (hartree).",
                m => m.Evaluation.Metrics.ParameterError?.MaxAbs),
            new Metric("Hamiltonian error (mean)", "Mean $|\\theta_\\mathrm{learned} - \\theta_\\mathrm{true}|$ (hartree).",
                m => m.Evaluation.Metrics.ParameterError?.MeanAbs),
            new Metric("Potential error", "max $|G_\\theta(P) - G_\\mathrm{true}(P)|$ over the field-on test densities (hartree).",
                m => Set(m, ProtocolPreset.FieldOnTestRole)?.PotentialErrorMaxAbs),
        };
        var rows = results.Systems.SelectMany(s => s.Models.Select(m => m.Label)).Distinct().ToList();
        var columns = results.Systems.Select(s => s.Name).ToList();
        return metrics.Select((metric, index) =>
        {
            var cells = new double?[rows.Count, columns.Count];
            for (var c = 0; c < columns.Count; c++)
                foreach (var model in results.Systems[c].Models)
                    cells[rows.IndexOf(model.Label), c] = metric.Value(model);
            return new ResultTable(metric.Title, metric.Caption, "Model", rows, columns, cells, metric.Format ?? NumberFormat.Exponential(2), BestCellRule.LowestInColumn,
                $"tab:study-{index}");
        }).ToList();
    }

    private static TestSetMetrics? Set(ModelResults model, string role) => model.Evaluation.Metrics.TestSets.FirstOrDefault(s => s.Name == role);

    private static double? Propagation(ModelResults model, string role) =>
        Set(model, role)?.Propagation is { Count: > 0 } runs ? runs.Max(r => r.DensityErrorMaxAbs) : null;
}
