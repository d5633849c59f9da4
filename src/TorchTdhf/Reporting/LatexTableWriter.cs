using System.Text;

namespace TorchTdhf.Reporting;

/// <summary>
/// Writes a <see cref="ResultTable"/> as a LaTeX table float in booktabs style (\toprule, \midrule, \bottomrule; needs
/// \usepackage{booktabs}). Numbers are math: "$1.2 \times 10^{-7}$", best cells $\mathbf{…}$, missing cells "--",
/// NaN as "NaN" and ±∞ as $\pm\infty$. Text is escaped by <see cref="LatexText"/>. The caption is the title followed
/// by the caption text and the bold rule.
/// </summary>
public static class LatexTableWriter
{
    /// <summary>The LaTeX text of the table environment, ending with a newline.</summary>
    public static string Write(ResultTable table)
    {
        var bold = BestCells.Find(table);
        var text = new StringBuilder();
        text.Append("\\begin{table}[htbp]\n");
        text.Append("  \\centering\n");
        text.Append("  \\caption{").Append(LatexText.Escape(CaptionText(table))).Append("}\n");
        if (!string.IsNullOrEmpty(table.Label)) text.Append("  \\label{").Append(table.Label).Append("}\n");
        text.Append("  \\begin{tabular}{l").Append('r', table.ColumnLabels.Count).Append("}\n");
        text.Append("    \\toprule\n");
        Row(text, [LatexText.Escape(table.RowHeader), .. table.ColumnLabels.Select(LatexText.Escape)]);
        text.Append("    \\midrule\n");
        for (var r = 0; r < table.RowLabels.Count; r++)
        {
            var row = r;
            Row(text, [LatexText.Escape(table.RowLabels[r]), .. Enumerable.Range(0, table.ColumnLabels.Count).Select(c => Cell(table, bold, row, c))]);
        }
        text.Append("    \\bottomrule\n");
        text.Append("  \\end{tabular}\n");
        text.Append("\\end{table}\n");
        return text.ToString();
    }

    private static string CaptionText(ResultTable table)
    {
        var title = table.Title.Trim();
        var rest = table.CaptionWithRule();
        if (rest.Length == 0) return title;
        return title.Length > 0 && !".!?:".Contains(title[^1]) ? $"{title}. {rest}" : $"{title} {rest}".Trim();
    }

    private static string Cell(ResultTable table, bool[,] bold, int row, int column)
    {
        if (table.Cells[row, column] is not { } value) return "--";
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "$\\infty$" : "$-\\infty$";
        var math = table.Format.Format(value).LatexMath;
        return bold[row, column] ? $"$\\mathbf{{{math}}}$" : $"${math}$";
    }

    private static void Row(StringBuilder text, IEnumerable<string> cells) =>
        text.Append("    ").AppendJoin(" & ", cells).Append(" \\\\\n");
}
