using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace TorchTdhf.Chemistry;

/// <summary>
/// Element symbols and atomic numbers. Every element is known by name so that messages can say "Xe is beyond Kr",
/// but only H to Kr (Z 1–36) are supported by the rest of the program.
/// </summary>
public static class PeriodicTable
{
    /// <summary>The heaviest supported element, Kr.</summary>
    public const int MaxSupportedAtomicNumber = 36;

    // Index = Z; index 0 is a placeholder so the array can be indexed by atomic number directly.
    private static readonly ImmutableArray<string> Symbols =
    [
        "",
        "H", "He",
        "Li", "Be", "B", "C", "N", "O", "F", "Ne",
        "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
        "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
        "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
        "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
        "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
        "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr",
        "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
    ];

    private static readonly FrozenDictionary<string, int> NumberBySymbol =
        Enumerable.Range(1, Symbols.Length - 1).ToFrozenDictionary(z => Symbols[z], z => z, StringComparer.OrdinalIgnoreCase);

    /// <summary>The symbol of a supported element, e.g. 8 → "O".</summary>
    /// <param name="atomicNumber">Z, 1 to <see cref="MaxSupportedAtomicNumber"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">Z is outside 1–36.</exception>
    public static string Symbol(int atomicNumber)
    {
        if (atomicNumber is < 1 or > MaxSupportedAtomicNumber)
            throw new ArgumentOutOfRangeException(nameof(atomicNumber), atomicNumber, $"only H to Kr (Z 1–{MaxSupportedAtomicNumber}) are supported");
        return Symbols[atomicNumber];
    }

    /// <summary>
    /// Looks up any element (Z 1–118) by symbol, ignoring case ("he", "HE", "He"); does not check support.
    /// </summary>
    /// <param name="symbol">The element symbol, without surrounding spaces.</param>
    /// <param name="atomicNumber">Z when found, otherwise 0.</param>
    /// <returns>Whether <paramref name="symbol"/> names an element.</returns>
    public static bool TryGetAtomicNumber(string symbol, out int atomicNumber) =>
        NumberBySymbol.TryGetValue(symbol, out atomicNumber);

    /// <summary>
    /// The symbol written with standard capitalisation ("HE" → "He"), for any element Z 1–118;
    /// <paramref name="symbol"/> itself when it names no element.
    /// </summary>
    public static string CanonicalSymbol(string symbol) =>
        NumberBySymbol.TryGetValue(symbol, out var z) ? Symbols[z] : symbol;

    /// <summary>
    /// Reads an element given as a symbol (case-tolerant) or an atomic number ("8"), insisting it is H to Kr.
    /// </summary>
    /// <param name="text">The symbol or number as written in the input.</param>
    /// <param name="file">The file it came from, for the error message.</param>
    /// <param name="line">The one-based line it came from, for the error message.</param>
    /// <returns>Z, 1 to <see cref="MaxSupportedAtomicNumber"/>.</returns>
    /// <exception cref="TdhfInputException">Unknown element, or one heavier than Kr.</exception>
    public static int ParseSupported(string text, string? file = null, int? line = null)
    {
        int z;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number < 1 || number >= Symbols.Length)
                throw new TdhfInputException($"'{text}' is not an atomic number (1 to {Symbols.Length - 1})", file, line);
            z = number;
        }
        else if (!NumberBySymbol.TryGetValue(text, out z))
        {
            throw new TdhfInputException($"unknown element symbol '{text}'", file, line);
        }

        if (z > MaxSupportedAtomicNumber)
            throw new TdhfInputException($"element {Symbols[z]} (Z = {z}) is beyond Kr; only H to Kr (Z 1–{MaxSupportedAtomicNumber}) are supported", file, line);
        return z;
    }
}
