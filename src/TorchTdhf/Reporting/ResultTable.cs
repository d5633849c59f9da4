namespace TorchTdhf.Reporting;

/// <summary>A table of numbers for a report, written by <see cref="MarkdownTableWriter"/> and <see cref="LatexTableWriter"/>.</summary>
/// <param name="Title">Heading (Markdown) and first sentence of the caption (LaTeX).</param>
/// <param name="Caption">Explanatory text; may be empty. Text between $…$ is LaTeX math and passes through unescaped.</param>
/// <param name="RowHeader">Header of the label column, e.g. "Model".</param>
/// <param name="RowLabels">One label per row.</param>
/// <param name="ColumnLabels">One label per value column.</param>
/// <param name="Cells">Values [rows, columns]; <c>null</c> marks a missing entry (shown as "—" in Markdown, "--" in LaTeX).</param>
/// <param name="Format">How the numbers are shown.</param>
/// <param name="Best">Which cells are bold; see <see cref="BestCells"/>.</param>
/// <param name="Label">LaTeX \label key, e.g. "tab:errors"; <c>null</c> for none.</param>
public sealed record ResultTable(
    string Title,
    string Caption,
    string RowHeader,
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels,
    double?[,] Cells,
    NumberFormat Format,
    BestCellRule Best = BestCellRule.None,
    string? Label = null)
{
    /// <summary>Throws when the cell array does not match the labels.</summary>
    public void Validate()
    {
        if (Cells.GetLength(0) != RowLabels.Count || Cells.GetLength(1) != ColumnLabels.Count)
            throw new ArgumentException(
                $"table '{Title}' has {Cells.GetLength(0)}×{Cells.GetLength(1)} cells for {RowLabels.Count} rows and {ColumnLabels.Count} columns");
    }

    /// <summary>The caption sentences: <see cref="Caption"/> followed by the bold rule, if any.</summary>
    public string CaptionWithRule() => string.Join(" ", new[] { Caption.Trim(), BestCells.Describe(Best) }.Where(s => s.Length > 0));
}
