namespace TorchTdhf.Chemistry;

/// <summary>
/// One contracted shell of an element as a basis-set file defines it, before it is placed on an atom.
/// </summary>
/// <remarks>
/// An <c>SP</c> shell of a Gaussian94 file is stored as two definitions, s then p, sharing exponents. Angular
/// momenta above f (l &gt; 3) are kept so that whole files load; <see cref="BasisSet.ShellsFor(int)"/> refuses them.
/// </remarks>
public sealed class ShellDefinition
{
    /// <summary>Creates a shell definition.</summary>
    /// <param name="l">Angular momentum, 0 (s) upwards.</param>
    /// <param name="exponents">Primitive exponents, bohr⁻², positive; the file's scale factor already applied.</param>
    /// <param name="coefficients">Contraction coefficients of normalised primitives, one per exponent.</param>
    /// <param name="line">One-based line of the shell header in the source file (0 if not from a file), for messages.</param>
    public ShellDefinition(int l, IReadOnlyList<double> exponents, IReadOnlyList<double> coefficients, int line = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(l);
        if (exponents.Count == 0 || exponents.Count != coefficients.Count)
            throw new ArgumentException("a shell needs as many coefficients as exponents, at least one", nameof(coefficients));
        if (exponents.Any(e => !double.IsFinite(e) || e <= 0))
            throw new ArgumentException("exponents must be finite and positive", nameof(exponents));
        if (coefficients.Any(c => !double.IsFinite(c)))
            throw new ArgumentException("coefficients must be finite", nameof(coefficients));
        L = l;
        Exponents = exponents.ToArray();
        Coefficients = coefficients.ToArray();
        Line = line;
    }

    /// <summary>Angular momentum l.</summary>
    public int L { get; }

    /// <summary>Primitive exponents, bohr⁻² (scale factor applied).</summary>
    public IReadOnlyList<double> Exponents { get; }

    /// <summary>Contraction coefficients of normalised primitives, as written in the file.</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>One-based line of the shell header in the source file, 0 if unknown.</summary>
    public int Line { get; }

    /// <summary>The spectroscopic letter of an angular momentum: 0 → 's', 1 → 'p', 2 → 'd', 3 → 'f', 4 → 'g', ...</summary>
    public static char Letter(int l) => l switch
    {
        0 => 's',
        1 => 'p',
        >= 2 and <= 6 => "dfghi"[l - 2],
        _ => throw new ArgumentOutOfRangeException(nameof(l), l, "only s to i (l 0–6) have letters here"),
    };
}
