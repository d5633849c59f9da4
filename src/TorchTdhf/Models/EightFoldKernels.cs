using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// The linear map from the unique entries w of an eight-fold symmetric tensor W to the two packed matrices through
/// which G(P)_ij = Σ_kl [W_ijkl − ½ W_ikjl] P_kl acts on <see cref="HermitianTriangles"/>, and its transpose.
/// </summary>
/// <remarks>
/// <para>With pairs p = (i ≥ j), q = (k ≥ l) and c_q = ½ for k = l, 1 otherwise, the transfer matrices (input pair
/// first, so that packed rows multiply them from the left) are</para>
/// <code>
/// Ts[q, p] = c_q (W_ijkl − ¼ W_ikjl − ¼ W_iljk)     over Ms × Ms pairs
/// Ta[q, p] = ¼ (W_iljk − W_ikjl)                   over Ma × Ma pairs i &gt; j, k &gt; l
/// </code>
/// <para>Each entry is a weighted sum of at most three entries of w: one sparse matrix L with 3·Ms² + 2·Ma² nonzeros,
/// held as (position in w, weight) per term. <see cref="Build"/> applies L (a gather, differentiable) and
/// <see cref="Fold"/> applies Lᵀ (a scatter-add), so ⟨L w, T⟩ = ⟨w, Lᵀ T⟩ holds by construction.</para>
/// </remarks>
internal sealed class EightFoldKernels : IDisposable
{
    // Per term of L: the position in w it reads and its weight; Ts's three terms (each Ms² long, row-major over
    // [q, p]) come first, then Ta's two.
    private readonly Tensor _source;
    private readonly Tensor _weight;

    /// <summary>The tables of L for order <paramref name="n"/>.</summary>
    public EightFoldKernels(int n)
    {
        N = n;
        ParameterCount = EightFoldPacking.Count(n);
        var pairs = EightFoldPacking.Pairs(n);
        var strict = pairs.Where(p => p.I > p.J).ToArray();
        SymmetricCount = pairs.Length;
        AntisymmetricCount = strict.Length;
        var (ms2, ma2) = ((long)SymmetricCount * SymmetricCount, (long)AntisymmetricCount * AntisymmetricCount);
        var source = new long[3 * ms2 + 2 * ma2];
        var weight = new double[source.Length];

        var t = 0L;
        foreach (var (k, l) in pairs)
        foreach (var (i, j) in pairs)
        {
            var c = k == l ? 0.5 : 1.0;
            (source[t], weight[t]) = (EightFoldPacking.UniqueIndex(i, j, k, l), c);
            (source[t + ms2], weight[t + ms2]) = (EightFoldPacking.UniqueIndex(i, k, j, l), -0.25 * c);
            (source[t + 2 * ms2], weight[t + 2 * ms2]) = (EightFoldPacking.UniqueIndex(i, l, j, k), -0.25 * c);
            t++;
        }
        t = 3 * ms2;
        foreach (var (k, l) in strict)
        foreach (var (i, j) in strict)
        {
            (source[t], weight[t]) = (EightFoldPacking.UniqueIndex(i, l, j, k), 0.25);
            (source[t + ma2], weight[t + ma2]) = (EightFoldPacking.UniqueIndex(i, k, j, l), -0.25);
            t++;
        }
        _source = torch.tensor(source);
        _weight = torch.tensor(weight);
    }

    /// <summary>N.</summary>
    public int N { get; }

    /// <summary>Length of w, N(N+1)(N²+N+2)/8.</summary>
    public long ParameterCount { get; }

    /// <summary>Ms = N(N+1)/2.</summary>
    public int SymmetricCount { get; }

    /// <summary>Ma = N(N−1)/2.</summary>
    public int AntisymmetricCount { get; }

    /// <summary>L w: the transfer matrices; differentiable in <paramref name="packed"/>.</summary>
    /// <param name="packed">w: [ParameterCount] float64.</param>
    /// <returns>Ts [Ms, Ms] and Ta [Ma, Ma], float64.</returns>
    public (Tensor Symmetric, Tensor Antisymmetric) Build(Tensor packed)
    {
        var (ms, ma) = ((long)SymmetricCount, (long)AntisymmetricCount);
        using var scope = torch.NewDisposeScope();
        var terms = packed.index_select(0, _source).mul(_weight);
        var symmetric = terms.narrow(0, 0, 3 * ms * ms).reshape(3, ms, ms).sum(dim: 0);
        var antisymmetric = terms.narrow(0, 3 * ms * ms, 2 * ma * ma).reshape(2, ma, ma).sum(dim: 0);
        return (symmetric.MoveToOuterDisposeScope(), antisymmetric.MoveToOuterDisposeScope());
    }

    /// <summary>Lᵀ (dTs, dTa): the gradient with respect to w of ⟨Ts, dTs⟩ + ⟨Ta, dTa⟩.</summary>
    /// <param name="symmetric">dTs: [Ms, Ms] float64.</param>
    /// <param name="antisymmetric">dTa: [Ma, Ma] float64.</param>
    /// <returns>[ParameterCount] float64.</returns>
    public Tensor Fold(Tensor symmetric, Tensor antisymmetric)
    {
        using var scope = torch.NewDisposeScope();
        var flatSymmetric = symmetric.reshape(-1);
        var flatAntisymmetric = antisymmetric.reshape(-1);
        var terms = torch.cat(new[] { flatSymmetric, flatSymmetric, flatSymmetric, flatAntisymmetric, flatAntisymmetric }).mul_(_weight);
        return torch.zeros(ParameterCount, ScalarType.Float64).index_add_(0, _source, terms, 1.0).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _source.Dispose();
        _weight.Dispose();
    }
}
