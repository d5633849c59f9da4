using System.Globalization;

namespace TorchTdhf.Reporting;

/// <summary>
/// Shows ScottPlot figures inline in .NET Interactive notebooks: the plot is rendered to PNG and embedded in an
/// <c>&lt;img&gt;</c> tag as a base64 data URI, which every notebook front end (and the saved .ipynb) displays without
/// image files next to the notebook. In a notebook: <c>display(HTML(NotebookImages.ToHtml(plot)))</c>.
/// </summary>
public static class NotebookImages
{
    /// <summary>Renders the plot as a PNG of the given pixel size and wraps it in an HTML image tag.</summary>
    /// <remarks>Call <see cref="PlotFonts.EnsureRegistered"/> before building the plot: labels take their font when created.</remarks>
    /// <param name="plot">The figure to render.</param>
    /// <param name="width">Width in pixels (positive).</param>
    /// <param name="height">Height in pixels (positive).</param>
    /// <returns>An <c>&lt;img src="data:image/png;base64,…"&gt;</c> element.</returns>
    public static string ToHtml(ScottPlot.Plot plot, int width = 720, int height = 400)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var png = plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
        return string.Create(CultureInfo.InvariantCulture,
            $"<img src=\"data:image/png;base64,{Convert.ToBase64String(png)}\" width=\"{width}\" height=\"{height}\" />");
    }
}
