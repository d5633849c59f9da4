using TorchTdhf.Reporting;

namespace TorchTdhf.Tests.Reporting;

/// <summary>Checks on rendered PNG figures.</summary>
internal static class PngImages
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Asserts <paramref name="path"/> is a decodable PNG of the given size, that its folder holds no
    /// leftover temporary file, and returns its dark-pixel count.</summary>
    public static int AssertPng(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(Signature, bytes.Take(Signature.Length).ToArray());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
        using var bitmap = SkiaSharp.SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        return InkedPixels(bitmap);
    }

    /// <summary>Pixels darker than mid-grey in all channels: text and black lines.</summary>
    public static int InkedPixels(byte[] png)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(png);
        return InkedPixels(bitmap);
    }

    /// <summary>
    /// Renders the panels as they are and with every title, label and series name emptied: the labelled figure must
    /// carry clearly more ink, or no font was found and ScottPlot dropped the text.
    /// </summary>
    public static void AssertTextDrawn(string title, IReadOnlyList<LinePanel> panels, int columns, FigureSize size)
    {
        var labelled = InkedPixels(FigureWriter.RenderGrid(title, panels, columns, size));
        var blank = InkedPixels(FigureWriter.RenderGrid("", panels.Select(WithoutText).ToList(), columns, size));
        Assert.True(labelled > blank + 1000, $"labels added only {labelled - blank} dark pixels: text was not drawn");
    }

    private static LinePanel WithoutText(LinePanel panel) => panel with
    {
        Title = "",
        XLabel = "",
        YLabel = "",
        Series = panel.Series.Select(s => s with { Name = "" }).ToList(),
    };

    private static int InkedPixels(SkiaSharp.SKBitmap bitmap)
    {
        var count = 0;
        foreach (var p in bitmap.Pixels)
            if (p.Red < 128 && p.Green < 128 && p.Blue < 128) count++;
        return count;
    }
}
