using TorchTdhf.Reporting;

namespace TorchTdhf.Tests.Reporting;

public class ResultTableTests
{
    private static ResultTable ErrorTable() => new(
        "Propagation error",
        "Max-abs error at t_end.",
        "Model",
        ["Tied", "Herm_2"],
        ["HeH+ 6-31G", "LiH 50%"],
        new double?[,] { { 1.23e-7, null }, { 4.5e-8, 3.0e-5 } },
        NumberFormat.Exponential(1),
        BestCellRule.LowestInColumn,
        Label: "tab:error");

    [Fact]
    public void Markdown_output_is_exact()
    {
        const string expected =
            "## Propagation error\n" +
            "\n" +
            "Max-abs error at t_end. Bold: lowest value in each column.\n" +
            "\n" +
            "| Model | HeH+ 6-31G | LiH 50% |\n" +
            "| :--- | ---: | ---: |\n" +
            "| Tied | 1.2e-07 | — |\n" +
            "| Herm_2 | **4.5e-08** | **3.0e-05** |\n";
        Assert.Equal(expected, MarkdownTableWriter.Write(ErrorTable()));
    }

    [Fact]
    public void Latex_output_is_exact_booktabs()
    {
        const string expected =
            "\\begin{table}[htbp]\n" +
            "  \\centering\n" +
            "  \\caption{Propagation error. Max-abs error at t\\_end. Bold: lowest value in each column.}\n" +
            "  \\label{tab:error}\n" +
            "  \\begin{tabular}{lrr}\n" +
            "    \\toprule\n" +
            "    Model & HeH+ 6-31G & LiH 50\\% \\\\\n" +
            "    \\midrule\n" +
            "    Tied & $1.2 \\times 10^{-7}$ & -- \\\\\n" +
            "    Herm\\_2 & $\\mathbf{4.5 \\times 10^{-8}}$ & $\\mathbf{3.0 \\times 10^{-5}}$ \\\\\n" +
            "    \\bottomrule\n" +
            "  \\end{tabular}\n" +
            "\\end{table}\n";
        Assert.Equal(expected, LatexTableWriter.Write(ErrorTable()));
    }

    [Fact]
    public void Latex_specials_are_escaped_outside_math()
    {
        Assert.Equal(@"a\_b 5\% R\&D \#1 \$ x\textasciicircum{}2 \textasciitilde{} \{\} \textbackslash{}",
            LatexText.Escape(@"a_b 5% R&D #1 $ x^2 ~ {} \"));
        Assert.Equal(@"error $< 10^{-7}$ at t\_end", LatexText.Escape("error $< 10^{-7}$ at t_end"));
        Assert.Equal(@"one line", LatexText.Escape("one\nline"));
        Assert.Equal(@"a \| b", MarkdownTableWriter.Escape("a | b"));
    }

    [Fact]
    public void Best_cells_follow_the_rule_share_rounded_ties_and_skip_non_finite_values()
    {
        var cells = new double?[,] { { 1.21e-7, double.NaN, 5 }, { 1.24e-7, 2, null }, { 3e-7, double.NegativeInfinity, 7 } };
        var table = new ResultTable("t", "", "r", ["a", "b", "c"], ["x", "y", "z"], cells, NumberFormat.Exponential(1),
            BestCellRule.LowestInColumn);
        var bold = BestCells.Find(table);
        Assert.True(bold[0, 0] && bold[1, 0] && !bold[2, 0]);
        Assert.True(!bold[0, 1] && bold[1, 1] && !bold[2, 1]);
        Assert.True(bold[0, 2] && !bold[1, 2] && !bold[2, 2]);

        var byRow = BestCells.Find(table with { Best = BestCellRule.HighestInRow });
        Assert.True(byRow[0, 2] && byRow[1, 1] && byRow[2, 2]);
        Assert.Equal(3, byRow.Cast<bool>().Count(b => b));
        Assert.DoesNotContain(true, BestCells.Find(table with { Best = BestCellRule.None }).Cast<bool>());

        var markdown = MarkdownTableWriter.Write(table);
        Assert.Contains("| b | **1.2e-07** | **2.0e+00** | — |", markdown);
        Assert.Contains("| c | 3.0e-07 | -inf | 7.0e+00 |", markdown);
        Assert.Contains("NaN", markdown);
        var latex = LatexTableWriter.Write(table);
        Assert.Contains(@"c & $3.0 \times 10^{-7}$ & $-\infty$ & $7.0 \times 10^{0}$ \\", latex);
    }

    [Fact]
    public void Numbers_are_formatted_with_carry_and_in_fixed_point()
    {
        Assert.Equal("1.0e+01", NumberFormat.Exponential(1).Format(9.96).Plain);
        Assert.Equal("0.0e+00", NumberFormat.Exponential(1).Format(0).Plain);
        Assert.Equal("-3.142e+100", NumberFormat.Exponential(3).Format(-3.14159e100).Plain);
        Assert.Equal(@"-1.50 \times 10^{-12}", NumberFormat.Exponential(2).Format(-1.5e-12).LatexMath);
        Assert.Equal("0.035", NumberFormat.Fixed(3).Format(0.0351).Plain);
        Assert.Equal("12", NumberFormat.Fixed(0).Format(12.2).LatexMath);
        Assert.Throws<ArgumentOutOfRangeException>(() => NumberFormat.Fixed(2).Format(double.NaN));
    }

    [Fact]
    public void Cells_that_do_not_match_the_labels_are_rejected()
    {
        var table = ErrorTable() with { ColumnLabels = ["only one"] };
        Assert.Throws<ArgumentException>(() => MarkdownTableWriter.Write(table));
        Assert.Throws<ArgumentException>(() => LatexTableWriter.Write(table));
    }

    [Fact]
    public void A_report_writes_both_documents_with_headings_and_every_table()
    {
        using var folder = new TempFolder();
        var second = ErrorTable() with { Title = "Training cost", Caption = "", Best = BestCellRule.None, Label = null };
        var (markdown, latex) = TableReport.Write(folder.Path, "HeH+ study", [ErrorTable(), second]);

        Assert.Equal(folder.File("tables.md"), markdown);
        Assert.Equal(folder.File("tables.tex"), latex);
        Assert.Equal(2, Directory.GetFiles(folder.Path).Length);
        var md = File.ReadAllText(markdown);
        Assert.StartsWith("# HeH+ study\n\n## Propagation error\n", md);
        Assert.Contains("\n## Training cost\n\n| Model |", md);
        var tex = File.ReadAllText(latex);
        Assert.StartsWith("\\documentclass{article}\n", tex);
        Assert.Contains("\\usepackage{booktabs}", tex);
        Assert.Contains("\\section*{HeH+ study}", tex);
        Assert.Equal(2, tex.Split("\\begin{table}").Length - 1);
        Assert.Contains("\\caption{Training cost}", tex);
        Assert.EndsWith("\\end{document}\n", tex);
    }
}
