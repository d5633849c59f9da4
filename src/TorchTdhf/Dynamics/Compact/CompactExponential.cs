namespace TorchTdhf.Dynamics.Compact;

/// <summary>
/// K = e^{−iτH} − 1 of one Hermitian H on <see cref="ComplexMatrix"/> planes: the Taylor polynomial of the lowest degree
/// whose remainder is below 2⁻⁵³ for this generator, without its constant term, by Paterson–Stockmeyer, with scaling
/// and squaring beyond ρ = 2.33.
/// </summary>
/// <remarks>
/// <para>τH is normal, so the remainder is at most Σ_{k&gt;m} ρᵏ/k! with ρ = ‖τH‖₂ ≤ ‖τH‖_F. At the time steps of the
/// learning protocol ρ is about 10⁻², where degree 7 is already exact to round-off, half the products of the fixed
/// degree 24 that <see cref="UnitaryExponential"/> uses for a whole batch.</para>
/// <para>Why U − 1 and not U: near the identity, U's elements round to multiples of 2⁻⁵³, so U P U† of a stationary
/// P comes back off by that much every step, the same way every step, and the error grows linearly (4·10⁻¹¹ after
/// 2·10⁵ steps). K carries the step with the relative precision of τH (see <see cref="UnitaryExponential.ConjugateNearIdentity"/>).</para>
/// </remarks>
internal sealed class CompactExponential
{
    private const int MaxDegree = 24;
    private const double Reach = 2.33;
    private static readonly double Unit = Math.Pow(2, -53);

    private readonly ComplexMatrix[] _powers;
    private readonly ComplexMatrix _block;
    private readonly ComplexMatrix _product;

    /// <summary>Work space for matrices of order <paramref name="n"/>.</summary>
    public CompactExponential(int n)
    {
        _powers = Enumerable.Range(0, 6).Select(_ => new ComplexMatrix(n)).ToArray();
        _block = new ComplexMatrix(n);
        _product = new ComplexMatrix(n);
    }

    /// <summary>result = e^{−iτH} − 1.</summary>
    /// <param name="hermitian">H, Hermitian.</param>
    /// <param name="scale">τ.</param>
    /// <param name="result">Receives K (must not be <paramref name="hermitian"/>).</param>
    public void EvaluateMinusIdentity(ComplexMatrix hermitian, double scale, ComplexMatrix result)
    {
        var rho = Math.Abs(scale) * hermitian.FrobeniusNorm();
        var squarings = rho > Reach && double.IsFinite(rho) ? (int)Math.Ceiling(Math.Log2(rho / Reach)) : 0;
        var tau = scale / Math.Pow(2, squarings);
        var degree = Degree(Math.Abs(tau) * hermitian.FrobeniusNorm());
        var blockSize = (int)Math.Ceiling(Math.Sqrt(degree + 1));
        var blocks = (degree + blockSize) / blockSize;

        // Z = −iτH: Re Z = τ Im H, Im Z = −τ Re H.
        var z = _powers[1];
        for (var e = 0; e < z.Re.Length; e++)
        {
            z.Re[e] = tau * hermitian.Im[e];
            z.Im[e] = -tau * hermitian.Re[e];
        }
        for (var p = 2; p <= blockSize; p++) _powers[p].SetProduct(_powers[p / 2], _powers[(p + 1) / 2]);

        SetBlock(blocks - 1, blockSize, degree, result);
        for (var j = blocks - 2; j >= 0; j--)
        {
            _product.SetProduct(_powers[blockSize], result);
            SetBlock(j, blockSize, degree, result);
            result.AddScaled(_product, 1, 0);
        }
        // (1 + K)² = 1 + (2K + K²).
        for (var i = 0; i < squarings; i++)
        {
            _product.SetProduct(result, result);
            result.Scale(2);
            result.AddScaled(_product, 1, 0);
        }
    }

    // target = Σ_{i<s} c_{s·j+i} Zⁱ (cₖ = 1/k!, zero beyond the degree, and c₀ = 0 for U − 1).
    private void SetBlock(int j, int blockSize, int degree, ComplexMatrix target)
    {
        Array.Clear(target.Re);
        Array.Clear(target.Im);
        var first = blockSize * j;
        var c = InverseFactorial(first);
        if (first > 0)
            for (var d = 0; d < target.N; d++) target.Re[d * target.Stride + d] = c;
        for (var i = 1; i < blockSize && first + i <= degree; i++)
        {
            c /= first + i;
            target.AddScaled(_powers[i], c, 0);
        }
    }

    // Lowest m with Σ_{k>m} ρᵏ/k! ≤ 2⁻⁵³ (the tail bounded by its first term over 1 − ρ/(m+2)).
    private static int Degree(double rho)
    {
        var term = rho;
        for (var m = 1; m < MaxDegree; m++)
        {
            term *= rho / (m + 1);
            if (term / (1 - rho / (m + 2)) <= Unit) return m;
        }
        return MaxDegree;
    }

    private static double InverseFactorial(int k)
    {
        var value = 1.0;
        for (var i = 2; i <= k; i++) value /= i;
        return value;
    }
}
