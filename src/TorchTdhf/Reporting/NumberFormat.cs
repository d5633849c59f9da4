using System.Globalization;

namespace TorchTdhf.Reporting;

/// <summary>A finite number split for display: mantissa text and an optional power of ten.</summary>
/// <param name="Mantissa">Digits with sign and decimal point, invariant culture, e.g. "1.2" or "-0.035".</param>
/// <param name="Exponent">The power of ten the mantissa multiplies, or <c>null</c> for fixed notation.</param>
public readonly record struct FormattedNumber(string Mantissa, int? Exponent)
{
    /// <summary>Plain text: "1.2e-07" (exponent signed, at least two digits) or "0.035".</summary>
    public string Plain => Exponent is { } e
        ? $"{Mantissa}e{(e < 0 ? '-' : '+')}{Math.Abs(e).ToString("00", CultureInfo.InvariantCulture)}"
        : Mantissa;

    /// <summary>LaTeX math without the dollar signs: "1.2 \times 10^{-7}" or "0.035".</summary>
    public string LatexMath => Exponent is { } e ? $@"{Mantissa} \times 10^{{{e}}}" : Mantissa;
}

/// <summary>How table cells show numbers: scientific ("1.2e-07") or fixed ("0.035") with a number of decimals.</summary>
/// <param name="Scientific">True for mantissa and power of ten, false for fixed-point.</param>
/// <param name="Decimals">Digits after the decimal point (of the mantissa when scientific), 0 to 15.</param>
public sealed record NumberFormat(bool Scientific, int Decimals)
{
    /// <summary>Scientific notation with <paramref name="decimals"/> mantissa decimals: 1 gives "1.2e-07".</summary>
    public static NumberFormat Exponential(int decimals = 1) => new(true, decimals);

    /// <summary>Fixed-point notation with <paramref name="decimals"/> decimals.</summary>
    public static NumberFormat Fixed(int decimals) => new(false, decimals);

    /// <summary>The display parts of a finite <paramref name="value"/>.</summary>
    public FormattedNumber Format(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "only finite numbers have digits");
        if (Decimals is < 0 or > 15) throw new ArgumentOutOfRangeException(nameof(Decimals), Decimals, "decimals must be 0 to 15");
        if (!Scientific) return new FormattedNumber(value.ToString("F" + Decimals, CultureInfo.InvariantCulture), null);
        // .NET's "E" format rounds the mantissa and carries into the exponent (9.96 → 1.0E+001) for us.
        var text = value.ToString("E" + Decimals, CultureInfo.InvariantCulture);
        var split = text.IndexOf('E');
        return new FormattedNumber(text[..split], int.Parse(text[(split + 1)..], CultureInfo.InvariantCulture));
    }
}
