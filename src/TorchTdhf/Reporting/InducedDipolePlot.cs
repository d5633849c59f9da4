namespace TorchTdhf.Reporting;

/// <summary>Induced dipole moment over time, true vs models, in atomic units.</summary>
public static class InducedDipolePlot
{
    /// <summary>The y-axis label.</summary>
    public const string DipoleLabel = "Induced dipole μ(t) − μ(0) (a.u.)";

    /// <summary>The panel; every series has times in atomic units as X and the induced dipole (a.u.) as Y.</summary>
    public static LinePanel Panel(string title, LineSeries truth, IReadOnlyList<LineSeries> models, TimeUnit unit = TimeUnit.AtomicUnits) =>
        new(title, TimeAxis.Label(unit), DipoleLabel,
            ComparisonSeries.Of(TimeAxis.InUnit(truth, unit), models.Select(m => TimeAxis.InUnit(m, unit))));

    /// <summary>Writes <see cref="Panel"/> as a PNG (atomically), 1000 × 600 unless sized.</summary>
    public static void Save(string path, string title, LineSeries truth, IReadOnlyList<LineSeries> models,
        TimeUnit unit = TimeUnit.AtomicUnits, FigureSize? size = null) =>
        FigureWriter.Save(path, Panel(title, truth, models, unit), size);
}
