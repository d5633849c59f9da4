namespace TorchTdhf.Reporting;

/// <summary>Builds a ScottPlot panel from a <see cref="LinePanel"/>: every report plot goes through here.</summary>
public static class LinePlot
{
    /// <summary>
    /// A plot with the panel's title, axis labels, log ticks where asked, one line per series (styled by
    /// <see cref="PlotStyle"/> unless the series brings its own) and, when any series has a name, a legend to the
    /// right of the data area. Non-finite points are dropped as <see cref="PlottablePoints"/> describes.
    /// </summary>
    public static ScottPlot.Plot Build(LinePanel panel)
    {
        panel.Validate();
        PlotFonts.EnsureRegistered();
        var plot = new ScottPlot.Plot();
        plot.Title(panel.Title, PlotStyle.TitleFontSize);
        plot.XLabel(panel.XLabel, PlotStyle.AxisLabelFontSize);
        plot.YLabel(panel.YLabel, PlotStyle.AxisLabelFontSize);
        if (panel.XScale == AxisScale.Log10) plot.Axes.Bottom.TickGenerator = LogAxisTicks.Create();
        if (panel.YScale == AxisScale.Log10) plot.Axes.Left.TickGenerator = LogAxisTicks.Create();

        var automatic = 0;
        foreach (var series in panel.Series)
        {
            var style = series.Style ?? PlotStyle.ForIndex(automatic++);
            var (x, y) = PlottablePoints.Of(series, panel.XScale, panel.YScale, panel.LogFloor);
            var line = plot.Add.ScatterLine(x, y, style.Color);
            line.LineWidth = style.Width;
            line.LinePattern = style.Pattern;
            line.LegendText = series.Name;
        }
        if (panel.Series.Any(s => !string.IsNullOrEmpty(s.Name)))
        {
            plot.Legend.FontSize = PlotStyle.LegendFontSize;
            plot.ShowLegend(ScottPlot.Edge.Right);
        }
        return plot;
    }
}
