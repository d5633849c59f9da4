using System.Text;

namespace TorchTdhf.Reporting;

/// <summary>
/// Writes a <see cref="ResultTable"/> as GitHub-flavoured Markdown: a heading, the caption, and a pipe table with the
/// label column left-aligned and the numbers right-aligned. Best cells are **bold**; missing cells show "—",
/// non-finite ones "NaN", "inf" or "-inf". Pipes in labels are escaped and line breaks become spaces.
/// </summary>
public static class MarkdownTableWriter
{
    /// <summary>The Markdown text, ending with a newline.</summary>
    /// <param name="table">The table.</param>
    /// <param name="headingLevel">Number of '#' before the title (1–6).</param>
    public static string Write(ResultTable table, int headingLevel = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(headingLevel, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(headingLevel, 6);
        var bold = BestCells.Find(table);
        var text = new StringBuilder();
        text.Append(new string('#', headingLevel)).Append(' ').Append(Inline(table.Title)).Append("\n\n");
        var caption = table.CaptionWithRule();
        if (caption.Length > 0) text.Append(Inline(caption)).Append("\n\n");

        Row(text, [Escape(table.RowHeader), .. table.ColumnLabels.Select(Escape)]);
        Row(text, [":---", .. table.ColumnLabels.Select(_ => "---:")]);
        for (var r = 0; r < table.RowLabels.Count; r++)
        {
            var row = r;
            Row(text, [Escape(table.RowLabels[r]), .. Enumerable.Range(0, table.ColumnLabels.Count).Select(c => Cell(table, bold, row, c))]);
        }
        return text.ToString();
    }

    /// <summary>A label safe inside a table cell: '|' escaped, line breaks replaced by spaces.</summary>
    public static string Escape(string label) => Inline(label).Replace("|", @"\|");

    private static string Inline(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Cell(ResultTable table, bool[,] bold, int row, int column)
    {
        if (table.Cells[row, column] is not { } value) return "—";
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        var shown = table.Format.Format(value).Plain;
        return bold[row, column] ? $"**{shown}**" : shown;
    }

    private static void Row(StringBuilder text, IEnumerable<string> cells) =>
        text.Append("| ").AppendJoin(" | ", cells).Append(" |\n");
}
