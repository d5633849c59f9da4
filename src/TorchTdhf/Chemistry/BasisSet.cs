using System.Collections.Frozen;

namespace TorchTdhf.Chemistry;

/// <summary>
/// A basis-set library: for each element, its ordered shell definitions, plus whether shells with l ≥ 2 are
/// spherical (real solid harmonics) or Cartesian by default.
/// </summary>
public sealed class BasisSet
{
    private readonly FrozenDictionary<string, IReadOnlyList<ShellDefinition>> _shells;
    private readonly FrozenDictionary<string, int> _corePotentialLines;

    /// <summary>Creates a basis set.</summary>
    /// <param name="name">Its name, e.g. the file name without extension ("6-31gs").</param>
    /// <param name="isSpherical">True when d and f shells are pure by default (file header <c>spherical</c>).</param>
    /// <param name="elements">Element symbol (any capitalisation, any element, also beyond Kr) → shells in file order.</param>
    /// <param name="sourceFile">The file it was read from, named in messages; null if built in code.</param>
    /// <param name="corePotentials">Element symbol → one-based line of its effective core potential in <paramref name="sourceFile"/>, for elements that have one (they are refused by <see cref="ShellsFor(int)"/>).</param>
    public BasisSet(string name, bool isSpherical, IReadOnlyDictionary<string, IReadOnlyList<ShellDefinition>> elements, string? sourceFile = null,
        IReadOnlyDictionary<string, int>? corePotentials = null)
    {
        corePotentials ??= new Dictionary<string, int>();
        if (elements.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() != elements.Count)
            throw new ArgumentException("an element appears twice (symbols are compared ignoring case)", nameof(elements));
        if (corePotentials.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count() != corePotentials.Count)
            throw new ArgumentException("an element appears twice (symbols are compared ignoring case)", nameof(corePotentials));
        Name = name;
        IsSpherical = isSpherical;
        SourceFile = sourceFile;
        Elements = elements.Keys.Select(PeriodicTable.CanonicalSymbol).ToArray();
        ElementsWithCorePotential = corePotentials.Keys.Select(PeriodicTable.CanonicalSymbol).ToArray();
        _shells = elements.ToFrozenDictionary(e => e.Key, e => (IReadOnlyList<ShellDefinition>)e.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        _corePotentialLines = corePotentials.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The basis set's name, e.g. "6-31gs".</summary>
    public string Name { get; }

    /// <summary>True when shells with l ≥ 2 are real solid harmonics by default (header <c>spherical</c>), false for Cartesian.</summary>
    public bool IsSpherical { get; }

    /// <summary>The file it was read from, or null.</summary>
    public string? SourceFile { get; }

    /// <summary>Symbols of the elements it covers, in definition order, standard capitalisation.</summary>
    public IReadOnlyList<string> Elements { get; }

    /// <summary>Symbols of the elements that have an effective core potential (not supported), in definition order, standard capitalisation.</summary>
    public IReadOnlyList<string> ElementsWithCorePotential { get; }

    /// <summary>Reads a Gaussian94 file (see <see cref="GaussianBasisParser"/>).</summary>
    /// <exception cref="TdhfInputException">The file is missing or malformed.</exception>
    public static BasisSet Load(string path) => GaussianBasisParser.ParseFile(path);

    /// <summary>Whether the basis set defines element <paramref name="atomicNumber"/> (1–36).</summary>
    public bool Contains(int atomicNumber) => _shells.ContainsKey(PeriodicTable.Symbol(atomicNumber));

    /// <summary>All shell definitions of an element as written, including any above f; null if it is not covered.</summary>
    /// <param name="symbol">Element symbol, any capitalisation.</param>
    public IReadOnlyList<ShellDefinition>? RawShells(string symbol) => _shells.GetValueOrDefault(symbol);

    /// <summary>The shells of a supported element in file order, ready to be placed on an atom.</summary>
    /// <param name="atomicNumber">Z, 1–36.</param>
    /// <exception cref="TdhfInputException">The element is not in the basis set, has a shell above f or an effective core potential; the message names the file.</exception>
    public IReadOnlyList<ShellDefinition> ShellsFor(int atomicNumber)
    {
        var symbol = PeriodicTable.Symbol(atomicNumber);
        if (_corePotentialLines.TryGetValue(symbol, out var ecpLine))
        {
            throw new TdhfInputException(
                $"element {symbol} uses an effective core potential in basis set {Name}; only all-electron basis sets are supported",
                SourceFile ?? Name, ecpLine > 0 ? ecpLine : null);
        }
        if (!_shells.TryGetValue(symbol, out var shells))
        {
            throw new TdhfInputException(
                $"element {symbol} (Z = {atomicNumber}) is not in basis set {Name}, which covers {string.Join(" ", Elements)}",
                SourceFile ?? Name);
        }
        foreach (var shell in shells)
        {
            if (shell.L > 3)
            {
                throw new TdhfInputException(
                    $"element {symbol} has a {ShellDefinition.Letter(shell.L)} shell (l = {shell.L}) in basis set {Name}; only shells up to f (l ≤ 3) are supported",
                    SourceFile ?? Name, shell.Line > 0 ? shell.Line : null);
            }
        }
        return shells;
    }
}
