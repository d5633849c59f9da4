namespace TorchTdhf.Reporting;

/// <summary>Which cells of a <see cref="ResultTable"/> are set in bold as the best.</summary>
public enum BestCellRule
{
    /// <summary>No cell is bold.</summary>
    None,

    /// <summary>The lowest value of each column (e.g. errors per system, with models as rows).</summary>
    LowestInColumn,

    /// <summary>The highest value of each column.</summary>
    HighestInColumn,

    /// <summary>The lowest value of each row.</summary>
    LowestInRow,

    /// <summary>The highest value of each row.</summary>
    HighestInRow,
}

/// <summary>
/// Applies a <see cref="BestCellRule"/>: among the finite values of each column (or row) the lowest (or highest) is
/// best, and every cell that displays the same text as the best one is bold too, so ties after rounding share it.
/// Missing and non-finite cells are never best.
/// </summary>
public static class BestCells
{
    /// <summary>A [rows, columns] mask of the bold cells of <paramref name="table"/>.</summary>
    public static bool[,] Find(ResultTable table)
    {
        table.Validate();
        var rows = table.RowLabels.Count;
        var columns = table.ColumnLabels.Count;
        var bold = new bool[rows, columns];
        switch (table.Best)
        {
            case BestCellRule.None:
                break;
            case BestCellRule.LowestInColumn or BestCellRule.HighestInColumn:
                for (var c = 0; c < columns; c++)
                    Mark(table, bold, Enumerable.Range(0, rows).Select(r => (r, c)).ToList(), table.Best == BestCellRule.LowestInColumn);
                break;
            case BestCellRule.LowestInRow or BestCellRule.HighestInRow:
                for (var r = 0; r < rows; r++)
                    Mark(table, bold, Enumerable.Range(0, columns).Select(c => (r, c)).ToList(), table.Best == BestCellRule.LowestInRow);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(table), table.Best, "unknown best-cell rule");
        }
        return bold;
    }

    /// <summary>A sentence stating the rule for captions, e.g. "Bold: lowest value in each column."; empty for none.</summary>
    public static string Describe(BestCellRule rule) => rule switch
    {
        BestCellRule.None => "",
        BestCellRule.LowestInColumn => "Bold: lowest value in each column.",
        BestCellRule.HighestInColumn => "Bold: highest value in each column.",
        BestCellRule.LowestInRow => "Bold: lowest value in each row.",
        BestCellRule.HighestInRow => "Bold: highest value in each row.",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown best-cell rule"),
    };

    private static void Mark(ResultTable table, bool[,] bold, IReadOnlyList<(int Row, int Column)> line, bool lowest)
    {
        var finite = line.Where(p => table.Cells[p.Row, p.Column] is { } v && double.IsFinite(v)).ToList();
        if (finite.Count == 0) return;
        var values = finite.Select(p => table.Cells[p.Row, p.Column]!.Value).ToList();
        var best = table.Format.Format(lowest ? values.Min() : values.Max()).Plain;
        foreach (var (row, column) in finite)
            bold[row, column] = table.Format.Format(table.Cells[row, column]!.Value).Plain == best;
    }
}
