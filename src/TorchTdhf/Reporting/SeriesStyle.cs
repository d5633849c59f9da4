namespace TorchTdhf.Reporting;

/// <summary>How one line is drawn.</summary>
/// <param name="Color">Line colour.</param>
/// <param name="Pattern">Dash pattern (solid, dashed, dotted, ...).</param>
/// <param name="Width">Line width in pixels.</param>
public sealed record SeriesStyle(ScottPlot.Color Color, ScottPlot.LinePattern Pattern, float Width);
