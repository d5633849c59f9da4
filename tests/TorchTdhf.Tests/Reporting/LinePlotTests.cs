using TorchTdhf.Reporting;

namespace TorchTdhf.Tests.Reporting;

public class LinePlotTests
{
    private static readonly double[] Times = Enumerable.Range(0, 200).Select(t => 0.5 * t).ToArray();

    private static LinePanel SinePanel(AxisScale yScale = AxisScale.Linear) => new(
        "Test figure",
        "Time (a.u.)",
        "Signal (a.u.)",
        Enumerable.Range(0, 8)
            .Select(k => new LineSeries($"model {k}", Times, Times.Select(t => 2 + Math.Sin(0.05 * t + k)).ToArray()))
            .ToList(),
        YScale: yScale);

    [Fact]
    public void A_panel_is_saved_as_a_png_of_the_default_size_without_temporary_files()
    {
        using var folder = new TempFolder();
        var path = folder.File("sub/figure.png");
        FigureWriter.Save(path, SinePanel());
        PngImages.AssertPng(path, 1000, 600);
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Titles_labels_and_legend_are_drawn()
    {
        PngImages.AssertTextDrawn("", [SinePanel()], 1, FigureSize.Default);
        PngImages.AssertTextDrawn("Figure title", [SinePanel(AxisScale.Log10), SinePanel()], 2, new FigureSize(1000, 600));
    }

    [Fact]
    public void Non_finite_and_non_positive_values_on_a_log_axis_do_not_break_rendering()
    {
        using var folder = new TempFolder();
        double[] x = [0, 1, 2, 3, 4, 5];
        var panel = new LinePanel("awkward", "x", "y (log)", [
            new LineSeries("holes", x, [1e-3, double.NaN, double.PositiveInfinity, 0, -1, 1e-5]),
            new LineSeries("all NaN", x, x.Select(_ => double.NaN).ToArray()),
            new LineSeries("empty", [], []),
            new LineSeries("bad x", [double.NaN, double.NegativeInfinity, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]),
        ], YScale: AxisScale.Log10);
        var path = folder.File("awkward.png");
        FigureWriter.Save(path, panel, new FigureSize(640, 480));
        PngImages.AssertPng(path, 640, 480);
        FigureWriter.Save(path, panel with { LogFloor = 1e-16 }, new FigureSize(640, 480));
        PngImages.AssertPng(path, 640, 480);
    }

    [Fact]
    public void Points_that_cannot_be_drawn_are_dropped_and_zeros_raised_to_the_floor()
    {
        var series = new LineSeries("s", [1, 2, 3, 4, 5], [100, 0, double.NaN, double.PositiveInfinity, -1]);
        var (x, y) = PlottablePoints.Of(series, AxisScale.Linear, AxisScale.Log10, logFloor: null);
        Assert.Equal([1.0], x);
        Assert.Equal([2.0], y);
        (x, y) = PlottablePoints.Of(series, AxisScale.Linear, AxisScale.Log10, logFloor: 1e-16);
        Assert.Equal([1.0, 2, 5], x);
        Assert.Equal([2.0, -16, -16], y);
        (x, y) = PlottablePoints.Of(series, AxisScale.Log10, AxisScale.Linear, logFloor: null);
        Assert.Equal([0.0, Math.Log10(2), Math.Log10(5)], x);
        Assert.Equal([100.0, 0, -1], y);
    }

    [Fact]
    public void Mismatched_series_lengths_and_bad_sizes_are_rejected()
    {
        var panel = new LinePanel("t", "x", "y", [new LineSeries("s", [1, 2], [1])]);
        Assert.Throws<ArgumentException>(() => LinePlot.Build(panel));
        Assert.Throws<ArgumentOutOfRangeException>(() => FigureWriter.RenderGrid("", [SinePanel()], 1, new FigureSize(0, 10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinePlot.Build(SinePanel() with { LogFloor = 0 }));
    }

    [Fact]
    public void Log_ticks_read_as_powers_of_ten()
    {
        Assert.Equal("10⁻⁷", LogAxisTicks.PowerOfTen(-7));
        Assert.Equal("10⁰", LogAxisTicks.PowerOfTen(0));
        Assert.Equal("10¹²", LogAxisTicks.PowerOfTen(12.0000001));
    }

    [Fact]
    public void Eight_model_styles_differ_from_each_other_and_from_the_reference()
    {
        var styles = Enumerable.Range(0, 8).Select(PlotStyle.ForIndex).ToList();
        Assert.Equal(8, styles.Select(s => s.Color).Distinct().Count());
        Assert.All(styles, s => Assert.NotEqual(PlotStyle.Reference.Color, s.Color));
        for (var k = 1; k < styles.Count; k++) Assert.NotEqual(styles[k - 1].Pattern, styles[k].Pattern);
    }
}
