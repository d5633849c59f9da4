namespace TorchTdhf.Reporting;

/// <summary>One panel (axes) of a figure: its labels, series and axis scales.</summary>
/// <param name="Title">Panel title; empty for none.</param>
/// <param name="XLabel">Horizontal axis label with units, e.g. "Time (a.u.)".</param>
/// <param name="YLabel">Vertical axis label with units.</param>
/// <param name="Series">Curves, drawn in order; the legend lists them in the same order.</param>
/// <param name="XScale">Horizontal axis scale.</param>
/// <param name="YScale">Vertical axis scale.</param>
/// <param name="LogFloor">On a log axis, values at or below zero are raised to this positive floor when set (so an
/// exact zero error shows at the bottom of the plot) and dropped when <c>null</c>.</param>
public sealed record LinePanel(
    string Title,
    string XLabel,
    string YLabel,
    IReadOnlyList<LineSeries> Series,
    AxisScale XScale = AxisScale.Linear,
    AxisScale YScale = AxisScale.Linear,
    double? LogFloor = null)
{
    /// <summary>Throws when a series is malformed or the floor is not a positive finite number.</summary>
    public void Validate()
    {
        foreach (var series in Series) series.Validate();
        if (LogFloor is { } floor && !(floor > 0 && double.IsFinite(floor)))
            throw new ArgumentOutOfRangeException(nameof(LogFloor), $"a log floor must be positive and finite, got {floor}");
    }
}
