using System.Globalization;

namespace TorchTdhf.Reporting;

/// <summary>Ticks for an axis that draws log₁₀ of the data: major ticks at whole decades labelled 10ⁿ, minor ticks at 2…9 × 10ⁿ.</summary>
public static class LogAxisTicks
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>A fresh tick generator for one log axis.</summary>
    public static ScottPlot.TickGenerators.NumericAutomatic Create() => new()
    {
        IntegerTicksOnly = true,
        LabelFormatter = PowerOfTen,
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
    };

    /// <summary>"10ⁿ" with a superscript exponent for the drawn coordinate <paramref name="exponent"/> (rounded).</summary>
    public static string PowerOfTen(double exponent)
    {
        var n = (long)Math.Round(exponent);
        var digits = Math.Abs(n).ToString(CultureInfo.InvariantCulture).Select(c => Superscripts[c - '0']);
        return "10" + (n < 0 ? "⁻" : "") + string.Concat(digits);
    }
}
