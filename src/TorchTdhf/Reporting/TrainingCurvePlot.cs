namespace TorchTdhf.Reporting;

/// <summary>
/// Training curves of several runs: the loss on a log axis against iteration and, when any run recorded it, a second
/// panel below with ‖Jᵀr‖ (also log). Non-positive or non-finite values are dropped.
/// </summary>
public static class TrainingCurvePlot
{
    /// <summary>The loss axis label.</summary>
    public const string LossLabel = "Loss Σ‖r‖²";

    /// <summary>The gradient-norm axis label.</summary>
    public const string GradientLabel = "‖Jᵀr‖";

    /// <summary>The loss panel and, when any run has gradient norms, the gradient panel.</summary>
    public static IReadOnlyList<LinePanel> Panels(string title, IReadOnlyList<TrainingCurve> runs)
    {
        if (runs.Count == 0) throw new ArgumentException("give at least one training run", nameof(runs));
        var loss = new LinePanel(title, "Iteration", LossLabel,
            runs.Select(r => new LineSeries(r.Name, r.IterationAxis(), r.Loss)).ToList(), YScale: AxisScale.Log10);
        if (runs.All(r => r.GradientNorm is null)) return [loss];
        // Runs without gradient norms still take their slot (empty) so each run keeps its colour in both panels.
        var gradient = new LinePanel("Gradient norm", "Iteration", GradientLabel,
            runs.Select(r => new LineSeries(r.Name, r.GradientNorm is null ? [] : r.IterationAxis(), r.GradientNorm ?? [])).ToList(),
            YScale: AxisScale.Log10);
        return [loss with { Title = "Loss" }, gradient];
    }

    /// <summary>
    /// Writes the figure as a PNG (atomically): 1000 × 600 for the loss alone, 1000 × 900 with the gradient panel,
    /// unless sized.
    /// </summary>
    public static void Save(string path, string title, IReadOnlyList<TrainingCurve> runs, FigureSize? size = null)
    {
        var panels = Panels(title, runs);
        if (panels.Count == 1) FigureWriter.Save(path, panels[0], size);
        else FigureWriter.SaveGrid(path, title, panels, columns: 1, size ?? new FigureSize(1000, 900));
    }
}
