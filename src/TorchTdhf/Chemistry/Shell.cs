namespace TorchTdhf.Chemistry;

/// <summary>
/// A contracted Gaussian shell of angular momentum <see cref="L"/> placed on an atom: all its Cartesian or
/// real-solid-harmonic components share exponents and contraction coefficients.
/// </summary>
public sealed class Shell
{
    /// <summary>Creates a shell.</summary>
    /// <param name="l">Angular momentum, 0 (s) to 3 (f).</param>
    /// <param name="pure">True for real solid harmonics (2l+1 functions), false for Cartesian ((l+1)(l+2)/2).</param>
    /// <param name="exponents">Primitive exponents, bohr⁻².</param>
    /// <param name="coefficients">Contraction coefficients multiplying <em>normalised</em> primitives, as written in a Gaussian94 file.</param>
    /// <param name="atomIndex">Index of the atom the shell sits on.</param>
    /// <param name="center">Centre (x, y, z), bohr.</param>
    /// <param name="firstFunction">Index of the shell's first basis function in the AO basis.</param>
    public Shell(int l, bool pure, IReadOnlyList<double> exponents, IReadOnlyList<double> coefficients, int atomIndex, (double X, double Y, double Z) center, int firstFunction)
    {
        if (l is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(l), l, "angular momentum must be 0 to 3 (s to f)");
        if (exponents.Count == 0 || exponents.Count != coefficients.Count)
            throw new ArgumentException("a shell needs as many coefficients as exponents, at least one", nameof(coefficients));
        L = l;
        Pure = pure && l >= 2;
        Exponents = exponents.ToArray();
        Coefficients = coefficients.ToArray();
        AtomIndex = atomIndex;
        Center = center;
        FirstFunction = firstFunction;
    }

    /// <summary>Angular momentum, 0 (s) to 3 (f).</summary>
    public int L { get; }

    /// <summary>True for real solid harmonics; always false for s and p, whose two forms coincide.</summary>
    public bool Pure { get; }

    /// <summary>Primitive exponents, bohr⁻².</summary>
    public IReadOnlyList<double> Exponents { get; }

    /// <summary>Contraction coefficients of normalised primitives (the contracted function is normalised separately).</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>Index of the atom the shell sits on.</summary>
    public int AtomIndex { get; }

    /// <summary>Centre, bohr.</summary>
    public (double X, double Y, double Z) Center { get; }

    /// <summary>Index of the shell's first basis function in the AO basis.</summary>
    public int FirstFunction { get; }

    /// <summary>Number of basis functions: 2l+1 when pure, (l+1)(l+2)/2 when Cartesian.</summary>
    public int FunctionCount => Pure ? 2 * L + 1 : (L + 1) * (L + 2) / 2;

    /// <summary>Number of Cartesian components, whichever form the shell has.</summary>
    public int CartesianCount => (L + 1) * (L + 2) / 2;
}
