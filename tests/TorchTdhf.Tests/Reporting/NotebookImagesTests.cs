using System.Text.RegularExpressions;
using TorchTdhf.Reporting;

namespace TorchTdhf.Tests.Reporting;

public class NotebookImagesTests
{
    [Fact]
    public void The_html_embeds_a_png_of_the_requested_size()
    {
        PlotFonts.EnsureRegistered();
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 0, 1, 2 }, new double[] { 0, 1, 4 });

        var html = NotebookImages.ToHtml(plot, 320, 200);

        var match = Regex.Match(html, "^<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" width=\"320\" height=\"200\" />$");
        Assert.True(match.Success, html.Length > 200 ? html[..200] : html);
        using var bitmap = SkiaSharp.SKBitmap.Decode(Convert.FromBase64String(match.Groups[1].Value));
        Assert.Equal(320, bitmap.Width);
        Assert.Equal(200, bitmap.Height);
    }

    [Theory]
    [InlineData(0, 200)]
    [InlineData(320, -1)]
    public void A_non_positive_size_is_refused(int width, int height)
    {
        var plot = new ScottPlot.Plot();
        Assert.Throws<ArgumentOutOfRangeException>(() => NotebookImages.ToHtml(plot, width, height));
    }
}
