namespace TorchTdhf.Reporting;

/// <summary>
/// The shared look of all report plots: a thick black solid line for the reference (true) curve and, for models,
/// colours from the colour-blind-friendly Category10 palette combined with a dash pattern, so that up to eight
/// series stay distinguishable in colour and in greyscale print.
/// </summary>
public static class PlotStyle
{
    /// <summary>Font size of figure and panel titles, in points.</summary>
    public const float TitleFontSize = 20;

    /// <summary>Font size of axis labels, in points.</summary>
    public const float AxisLabelFontSize = 16;

    /// <summary>Font size of legend entries, in points.</summary>
    public const float LegendFontSize = 13;

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    private static readonly ScottPlot.LinePattern[] Patterns =
    [
        ScottPlot.LinePattern.Solid,
        ScottPlot.LinePattern.Dashed,
        ScottPlot.LinePattern.Dotted,
        ScottPlot.LinePattern.DenselyDashed,
    ];

    /// <summary>The style of the reference (ground-truth) curve: black, solid, 3 px.</summary>
    public static SeriesStyle Reference { get; } = new(ScottPlot.Colors.Black, ScottPlot.LinePattern.Solid, 3);

    /// <summary>
    /// The style of the <paramref name="index"/>-th model series (0-based): colour cycles through the palette and
    /// the dash pattern through solid, dashed, dotted, densely dashed, so neighbours differ in both.
    /// </summary>
    public static SeriesStyle ForIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        // Category10 starts with blue, orange, green, red, purple, brown, pink, grey: black is not among them.
        var color = Palette.GetColor(index);
        return new SeriesStyle(color, Patterns[index % Patterns.Length], 2);
    }
}
