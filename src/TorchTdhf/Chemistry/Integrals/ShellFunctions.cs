namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// The matrices that turn a shell's raw Cartesian monomials into its basis functions as <see cref="AoBasis"/>
/// defines them: every Cartesian component normalised to 1, or real solid harmonics in the order
/// m = 0, +1, −1, +2, −2, +3, −3, each with unit self-overlap.
/// </summary>
/// <remarks>
/// The integral recurrences work with x^i y^j z^k R(r), where the shell's radial part R is normalised so that
/// x^l R has unit self-overlap. Two such monomials of one shell then overlap by
/// (i+i′−1)!! (j+j′−1)!! (k+k′−1)!! / (2l−1)!! (zero unless all three sums are even), a metric independent of
/// the exponents; each output function is normalised with it, so no phase or scale is hand-typed.
/// </remarks>
internal static class ShellFunctions
{
    // Real solid harmonics as (monomial position within the degree, coefficient) lists, positive leading
    // monomial, unnormalised; positions follow CartesianIndex.InDegree (xx, xy, xz, yy, yz, zz; xxx, …, zzz).
    private static readonly (int Monomial, double Coefficient)[][] PureD =
    [
        [(0, -1), (3, -1), (5, 2)],  // d0 ∝ 2zz − xx − yy
        [(2, 1)],                     // d+1 ∝ xz
        [(4, 1)],                     // d−1 ∝ yz
        [(0, 1), (3, -1)],            // d+2 ∝ xx − yy
        [(1, 1)],                     // d−2 ∝ xy
    ];

    private static readonly (int Monomial, double Coefficient)[][] PureF =
    [
        [(9, 2), (2, -3), (7, -3)],   // f0 ∝ z(2zz − 3xx − 3yy)
        [(5, 4), (0, -1), (3, -1)],   // f+1 ∝ x(4zz − xx − yy)
        [(8, 4), (1, -1), (6, -1)],   // f−1 ∝ y(4zz − xx − yy)
        [(2, 1), (7, -1)],            // f+2 ∝ z(xx − yy)
        [(4, 1)],                     // f−2 ∝ xyz
        [(0, 1), (3, -3)],            // f+3 ∝ x(xx − 3yy)
        [(1, 3), (6, -1)],            // f−3 ∝ y(3xx − yy)
    ];

    private static readonly double[][] CartesianMatrices = Enumerable.Range(0, 4).Select(l => BuildCartesian(l)).ToArray();
    private static readonly double[][] PureMatrices = [BuildCartesian(0), BuildCartesian(1), BuildPure(2, PureD), BuildPure(3, PureF)];

    /// <summary>
    /// Row-major [functions × Cartesian components] matrix for angular momentum <paramref name="l"/> (≤ 3):
    /// function f = Σ_c M[f, c] · (monomial c in AO order) · R(r).
    /// </summary>
    public static double[] Matrix(int l, bool pure) => pure ? PureMatrices[l] : CartesianMatrices[l];

    /// <summary>True when the matrix is the identity (s and p shells), so the transform can be skipped.</summary>
    public static bool IsIdentity(int l) => l <= 1;

    /// <summary>Overlap of two monomials of degree <paramref name="l"/> (positions within the degree) in units of ⟨x^l|x^l⟩.</summary>
    public static double Metric(int l, int a, int b)
    {
        var offset = CartesianIndex.Offset(l);
        var product = 1.0;
        for (var dir = 0; dir < 3; dir++)
        {
            var sum = CartesianIndex.Power(offset + a, dir) + CartesianIndex.Power(offset + b, dir);
            if (sum % 2 != 0) return 0.0;
            product *= OddFactorial(sum - 1);
        }
        return product / OddFactorial(2 * l - 1);
    }

    /// <summary>n!! for odd n ≥ −1 (with (−1)!! = 1).</summary>
    public static double OddFactorial(int n)
    {
        var result = 1.0;
        for (var k = n; k > 1; k -= 2) result *= k;
        return result;
    }

    private static double[] BuildCartesian(int l)
    {
        var n = CartesianIndex.Count(l);
        var matrix = new double[n * n];
        for (var c = 0; c < n; c++) matrix[c * n + c] = 1.0 / Math.Sqrt(Metric(l, c, c));
        return matrix;
    }

    private static double[] BuildPure(int l, (int Monomial, double Coefficient)[][] harmonics)
    {
        var nc = CartesianIndex.Count(l);
        var matrix = new double[harmonics.Length * nc];
        for (var f = 0; f < harmonics.Length; f++)
        {
            var norm2 = 0.0;
            foreach (var (a, ca) in harmonics[f])
            {
                foreach (var (b, cb) in harmonics[f]) norm2 += ca * cb * Metric(l, a, b);
            }
            var scale = 1.0 / Math.Sqrt(norm2);
            foreach (var (a, ca) in harmonics[f]) matrix[f * nc + a] = ca * scale;
        }
        return matrix;
    }
}
