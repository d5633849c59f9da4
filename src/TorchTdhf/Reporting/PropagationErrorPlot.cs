namespace TorchTdhf.Reporting;

/// <summary>
/// Propagation error over time on a log₁₀ axis, one series per model. Exact zeros are drawn at
/// <see cref="ZeroFloor"/>; NaN and ∞ (a blown-up trajectory) are dropped, so such a curve simply ends.
/// </summary>
public static class PropagationErrorPlot
{
    /// <summary>Where an error of exactly zero is drawn: 10⁻¹⁶, below double-precision round-off of O(1) densities.</summary>
    public const double ZeroFloor = 1e-16;

    /// <summary>The y-axis label.</summary>
    public const string ErrorLabel = "max |P_model − P_true| (a.u.)";

    /// <summary>The panel: each series has times in atomic units as X and max-abs errors (e.g. from
    /// <see cref="DensityError.MaxAbsPerStep"/>) as Y.</summary>
    public static LinePanel Panel(string title, IReadOnlyList<LineSeries> errors, TimeUnit unit = TimeUnit.AtomicUnits) =>
        new(title, TimeAxis.Label(unit), ErrorLabel, errors.Select(e => TimeAxis.InUnit(e, unit)).ToList(),
            YScale: AxisScale.Log10, LogFloor: ZeroFloor);

    /// <summary>Writes <see cref="Panel"/> as a PNG (atomically), 1000 × 600 unless sized.</summary>
    public static void Save(string path, string title, IReadOnlyList<LineSeries> errors, TimeUnit unit = TimeUnit.AtomicUnits,
        FigureSize? size = null) =>
        FigureWriter.Save(path, Panel(title, errors, unit), size);
}
