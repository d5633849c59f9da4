namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// A shell ready for the recurrences: contraction coefficients with every normalisation folded in, so that
/// Σ_k Coefficients[k] · x^i y^j z^k · exp(−α_k r²) has x^l unit-normalised, and the matrix to the AO functions.
/// </summary>
internal sealed class PreparedShell
{
    public PreparedShell(Shell shell, int index)
    {
        L = shell.L;
        Pure = shell.Pure;
        X = shell.Center.X;
        Y = shell.Center.Y;
        Z = shell.Center.Z;
        FirstFunction = shell.FirstFunction;
        FunctionCount = shell.FunctionCount;
        CartesianCount = shell.CartesianCount;
        Exponents = shell.Exponents.ToArray();
        Coefficients = NormalisedCoefficients(shell.L, Exponents, shell.Coefficients, index);
        Transform = ShellFunctions.Matrix(L, Pure);
    }

    public int L { get; }
    public bool Pure { get; }
    public double X { get; }
    public double Y { get; }
    public double Z { get; }
    public int FirstFunction { get; }
    public int FunctionCount { get; }
    public int CartesianCount { get; }
    public double[] Exponents { get; }
    public double[] Coefficients { get; }

    /// <summary>Row-major [FunctionCount × CartesianCount]; see <see cref="ShellFunctions.Matrix"/>.</summary>
    public double[] Transform { get; }

    public static PreparedShell[] All(AoBasis basis)
    {
        var shells = new PreparedShell[basis.Shells.Count];
        for (var i = 0; i < shells.Length; i++) shells[i] = new PreparedShell(basis.Shells[i], i);
        return shells;
    }

    // The file's coefficients multiply normalised primitives; the contraction is then renormalised as a whole
    // (the convention of Gaussian and psi4), using ⟨x^l e^{−αr²}|x^l e^{−βr²}⟩ = (2l−1)!! (π/(α+β))^{3/2} / (2(α+β))^l.
    private static double[] NormalisedCoefficients(int l, double[] exponents, IReadOnlyList<double> coefficients, int index)
    {
        var n = exponents.Length;
        var oddFactorial = ShellFunctions.OddFactorial(2 * l - 1);
        var scaled = new double[n];
        for (var k = 0; k < n; k++)
        {
            var a = exponents[k];
            if (!(a > 0) || double.IsInfinity(a)) throw new TdhfInputException($"shell {index}: exponent {a} must be positive and finite", key: "exponents");
            var primitiveNorm = Math.Pow(2 * a / Math.PI, 0.75) * Math.Pow(4 * a, 0.5 * l) / Math.Sqrt(oddFactorial);
            scaled[k] = coefficients[k] * primitiveNorm;
        }
        var selfOverlap = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var p = exponents[i] + exponents[j];
                selfOverlap += scaled[i] * scaled[j] * oddFactorial * Math.Pow(Math.PI / p, 1.5) / Math.Pow(2 * p, l);
            }
        }
        if (!(selfOverlap > 0) || double.IsInfinity(selfOverlap)) throw new TdhfInputException($"shell {index}: the contraction has no finite non-zero norm", key: "coefficients");
        var scale = 1.0 / Math.Sqrt(selfOverlap);
        for (var k = 0; k < n; k++) scaled[k] *= scale;
        return scaled;
    }
}
