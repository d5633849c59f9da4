using TorchTdhf.IO;

namespace TorchTdhf.Reporting;

/// <summary>
/// Collects several tables into one document: <c>tables.md</c> (a top-level heading, then each table under its own
/// second-level heading) and <c>tables.tex</c> (a standalone article whose table floats carry their titles in the
/// captions).
/// </summary>
public static class TableReport
{
    /// <summary>File name of the Markdown document.</summary>
    public const string MarkdownFileName = "tables.md";

    /// <summary>File name of the LaTeX document.</summary>
    public const string LatexFileName = "tables.tex";

    /// <summary>The Markdown document.</summary>
    public static string Markdown(string title, IReadOnlyList<ResultTable> tables) =>
        $"# {title.ReplaceLineEndings(" ").Trim()}\n\n" + string.Join("\n", tables.Select(t => MarkdownTableWriter.Write(t, headingLevel: 2)));

    /// <summary>The LaTeX document (article class with booktabs; UTF-8 input).</summary>
    public static string Latex(string title, IReadOnlyList<ResultTable> tables) =>
        "\\documentclass{article}\n" +
        "\\usepackage[utf8]{inputenc}\n" +
        "\\usepackage{booktabs}\n" +
        "\\begin{document}\n" +
        $"\\section*{{{LatexText.Escape(title.Trim())}}}\n\n" +
        string.Join("\n", tables.Select(LatexTableWriter.Write)) +
        "\\end{document}\n";

    /// <summary>Writes <see cref="MarkdownFileName"/> and <see cref="LatexFileName"/> into <paramref name="folder"/>,
    /// each atomically, and returns their paths (Markdown, LaTeX).</summary>
    public static (string Markdown, string Latex) Write(string folder, string title, IReadOnlyList<ResultTable> tables)
    {
        var markdownPath = Path.Combine(folder, MarkdownFileName);
        var latexPath = Path.Combine(folder, LatexFileName);
        AtomicFile.WriteAllText(markdownPath, Markdown(title, tables));
        AtomicFile.WriteAllText(latexPath, Latex(title, tables));
        return (markdownPath, latexPath);
    }
}
