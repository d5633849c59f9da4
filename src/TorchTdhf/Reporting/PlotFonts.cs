namespace TorchTdhf.Reporting;

/// <summary>
/// Makes ScottPlot draw text with the DejaVu Sans shipped in <c>data/fonts/</c>. ScottPlot silently drops all text
/// when it finds no system font (headless machines, containers), so every plot is rendered through this font.
/// </summary>
public static class PlotFonts
{
    /// <summary>The family name the shipped font is registered under.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Registration = new(RegisterShippedFont);

    /// <summary>Registers the shipped font (once per process) and makes it ScottPlot's default.</summary>
    /// <exception cref="FileNotFoundException">The font files are missing next to the program.</exception>
    public static void EnsureRegistered() => _ = Registration.Value;

    private static bool RegisterShippedFont()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "data", "fonts");
        var libraryFolder = Path.GetDirectoryName(typeof(PlotFonts).Assembly.Location);
        if (!File.Exists(Path.Combine(folder, "DejaVuSans.ttf")) && !string.IsNullOrEmpty(libraryFolder))
            folder = Path.Combine(libraryFolder, "data", "fonts");
        var regular = Path.Combine(folder, "DejaVuSans.ttf");
        var bold = Path.Combine(folder, "DejaVuSans-Bold.ttf");
        foreach (var file in new[] { regular, bold })
            if (!File.Exists(file)) throw new FileNotFoundException($"the plot font is missing: {file}", file);
        ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
        ScottPlot.Fonts.Default = Family;
        ScottPlot.Fonts.Sans = Family;
        return true;
    }
}
