using TorchTdhf.IO;

namespace TorchTdhf.Reporting;

/// <summary>
/// Renders panels to a PNG file, written atomically (temporary file, then rename) so a reader never sees half an
/// image. A figure of several panels is a grid filled row by row under one figure title.
/// </summary>
public static class FigureWriter
{
    private const float FigureTitleHeight = 44;

    /// <summary>Writes one panel as a PNG of the given size (default 1000 × 600).</summary>
    public static void Save(string path, LinePanel panel, FigureSize? size = null)
    {
        var pixels = size ?? FigureSize.Default;
        pixels.Validate();
        using var plot = LinePlot.Build(panel);
        var png = plot.GetImageBytes(pixels.Width, pixels.Height, ScottPlot.ImageFormat.Png);
        AtomicFile.Write(path, stream => stream.Write(png));
    }

    /// <summary>
    /// Writes several panels as one PNG: a grid of <paramref name="columns"/> columns filled row by row, under
    /// <paramref name="title"/> (omitted when empty).
    /// </summary>
    public static void SaveGrid(string path, string title, IReadOnlyList<LinePanel> panels, int columns, FigureSize size)
    {
        AtomicFile.Write(path, stream => stream.Write(RenderGrid(title, panels, columns, size)));
    }

    /// <summary>The PNG bytes of <see cref="SaveGrid"/>.</summary>
    public static byte[] RenderGrid(string title, IReadOnlyList<LinePanel> panels, int columns, FigureSize size)
    {
        size.Validate();
        if (panels.Count == 0) throw new ArgumentException("a figure needs at least one panel", nameof(panels));
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        columns = Math.Min(columns, panels.Count);
        var rows = (panels.Count + columns - 1) / columns;
        PlotFonts.EnsureRegistered();

        var plots = panels.Select(LinePlot.Build).ToList();
        try
        {
            var multiplot = new ScottPlot.Multiplot(plots[0]) { Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns) };
            foreach (var plot in plots.Skip(1)) multiplot.Subplots.Add(plot);

            using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(size.Width, size.Height));
            surface.Canvas.Clear(SkiaSharp.SKColors.White);
            var top = string.IsNullOrEmpty(title) ? 0 : FigureTitleHeight;
            // ScottPlot's grid layout ignores the offset of the target rectangle, so the canvas is shifted instead.
            surface.Canvas.Save();
            surface.Canvas.Translate(0, top);
            multiplot.Render(surface.Canvas, new ScottPlot.PixelRect(0, size.Width, size.Height - top, 0));
            surface.Canvas.Restore();
            if (top > 0) DrawTitle(surface.Canvas, title, size.Width);
            using var image = new ScottPlot.Image(surface);
            return image.GetImageBytes(ScottPlot.ImageFormat.Png);
        }
        finally
        {
            foreach (var plot in plots) plot.Dispose();
        }
    }

    private static void DrawTitle(SkiaSharp.SKCanvas canvas, string title, int width)
    {
        var label = new ScottPlot.LabelStyle
        {
            Text = title,
            FontName = PlotFonts.Family,
            FontSize = PlotStyle.TitleFontSize + 2,
            Bold = true,
            ForeColor = ScottPlot.Colors.Black,
            Alignment = ScottPlot.Alignment.UpperCenter,
        };
        using var paint = ScottPlot.Paint.NewDisposablePaint();
        label.Render(canvas, new ScottPlot.Pixel(width / 2f, 10), paint);
    }
}
