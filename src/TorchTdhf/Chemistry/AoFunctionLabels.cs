namespace TorchTdhf.Chemistry;

/// <summary>
/// Human-readable names of basis functions, one per AO, for output files and messages.
/// </summary>
/// <remarks>
/// A label reads <c>atomIndex:Symbol:shellIndexOnAtom:l:component</c>, e.g. <c>0:O:2:1:x</c>: atom index (0-based,
/// molecule order), element symbol, the shell's 0-based position among that atom's shells (an SP shell counts as two),
/// angular momentum l, and the component. Components are <c>s</c>; the Cartesian monomials <c>x</c>, <c>y</c>,
/// <c>z</c>, <c>xx</c>, <c>xy</c>, ..., <c>zzz</c>; or, for pure shells, <c>d0</c>, <c>d+1</c>, <c>d-1</c>,
/// <c>d+2</c>, <c>d-2</c> and <c>f0</c> ... <c>f-3</c> (real solid harmonics by m). The order is that of
/// <see cref="AoBasis"/>.
/// </remarks>
public static class AoFunctionLabels
{
    /// <summary>One label per basis function of <paramref name="basis"/>, in AO order: [N].</summary>
    public static IReadOnlyList<string> For(AoBasis basis)
    {
        var labels = new List<string>(basis.FunctionCount);
        var shellsSeen = new int[basis.Atoms.Count];
        foreach (var shell in basis.Shells)
        {
            var atom = shell.AtomIndex;
            var prefix = $"{atom}:{PeriodicTable.Symbol(basis.Atoms[atom].AtomicNumber)}:{shellsSeen[atom]++}:{shell.L}:";
            labels.AddRange(Components(shell.L, shell.Pure).Select(c => prefix + c));
        }
        return labels;
    }

    /// <summary>
    /// The component names of a shell in AO order: [2l+1] when <paramref name="pure"/> and l ≥ 2, else [(l+1)(l+2)/2].
    /// </summary>
    /// <param name="l">Angular momentum, 0 to 3.</param>
    /// <param name="pure">Real solid harmonics; ignored for s and p, which are always written s and x, y, z.</param>
    public static IReadOnlyList<string> Components(int l, bool pure)
    {
        if (l is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(l), l, "angular momentum must be 0 to 3 (s to f)");
        if (l == 0) return ["s"];
        if (pure && l >= 2)
        {
            var letter = ShellDefinition.Letter(l);
            var names = new List<string> { $"{letter}0" };
            for (var m = 1; m <= l; m++)
            {
                names.Add($"{letter}+{m}");
                names.Add($"{letter}-{m}");
            }
            return names;
        }
        return CartesianMonomials(l);
    }

    // Exponents (i, j, k) with i + j + k = l in descending lexicographic order give xx, xy, xz, yy, yz, zz.
    private static string[] CartesianMonomials(int l)
    {
        var names = new List<string>();
        for (var i = l; i >= 0; i--)
        {
            for (var j = l - i; j >= 0; j--)
            {
                var k = l - i - j;
                names.Add(new string('x', i) + new string('y', j) + new string('z', k));
            }
        }
        return names.ToArray();
    }
}
