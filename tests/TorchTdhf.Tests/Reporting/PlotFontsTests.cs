using TorchTdhf.Reporting;

namespace TorchTdhf.Tests.Reporting;

public class PlotFontsTests
{
    [Fact]
    public void Text_is_drawn_with_the_shipped_font()
    {
        PlotFonts.EnsureRegistered();
        var withText = Render("Dipole moment (a.u.)");
        var blank = Render("");
        Assert.Equal(PlotFonts.Family, ScottPlot.Fonts.Default);
        // Without a usable font ScottPlot drops text silently and both images come out alike.
        Assert.True(InkedPixels(withText) > InkedPixels(blank) + 200, "the axis label added no ink: no font was found");
    }

    private static ScottPlot.Image Render(string label)
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 0, 1, 2 }, new double[] { 0, 1, 4 });
        plot.YLabel(label);
        return plot.GetImage(400, 300);
    }

    private static int InkedPixels(ScottPlot.Image image)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(image.GetImageBytes(ScottPlot.ImageFormat.Png));
        var count = 0;
        foreach (var p in bitmap.Pixels)
            if (p.Red < 128 && p.Green < 128 && p.Blue < 128) count++;
        return count;
    }
}
