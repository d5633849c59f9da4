using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// The linear map from the unique entries w of an eight-fold symmetric tensor W to the two kernels through which
/// G(P)_ij = Σ_kl [W_ijkl − ½ W_ikjl] P_kl acts on the rows of <see cref="HermitianPacking"/>, and its transpose.
/// </summary>
/// <remarks>
/// <para>With K[ij, kl] = W_ijkl − ½ W_ikjl, pairs p = (i, j) and q = (k, l) in triangle order, the kernels of
/// <see cref="HermitianPacking"/> (input pair first) are</para>
/// <code>
/// Ts[q, p] = ½ (K[ij, kl] + K[ij, lk]) = W_ijkl − ¼ W_ikjl − ¼ W_iljk     over Ms × Ms pairs
/// Ta[q, p] = ½ (K[ij, kl] − K[ij, lk]) = ¼ (W_iljk − W_ikjl)              over Ma × Ma pairs
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
    private readonly long _symmetricCount;
    private readonly long _antisymmetricCount;

    /// <summary>The tables of L for the pairs of <paramref name="packing"/>.</summary>
    public EightFoldKernels(HermitianPacking packing)
    {
        ParameterCount = EightFoldPacking.Count(packing.N);
        var (pairs, strict) = (packing.SymmetricPairs, packing.AntisymmetricPairs);
        (_symmetricCount, _antisymmetricCount) = (pairs.Count, strict.Count);
        var (ms2, ma2) = (_symmetricCount * _symmetricCount, _antisymmetricCount * _antisymmetricCount);
        var source = new long[3 * ms2 + 2 * ma2];
        var weight = new double[source.Length];

        var t = 0L;
        foreach (var (k, l) in pairs)
        foreach (var (i, j) in pairs)
        {
            (source[t], weight[t]) = (EightFoldPacking.UniqueIndex(i, j, k, l), 1.0);
            (source[t + ms2], weight[t + ms2]) = (EightFoldPacking.UniqueIndex(i, k, j, l), -0.25);
            (source[t + 2 * ms2], weight[t + 2 * ms2]) = (EightFoldPacking.UniqueIndex(i, l, j, k), -0.25);
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

    /// <summary>Length of w, N(N+1)(N²+N+2)/8.</summary>
    public long ParameterCount { get; }

    /// <summary>L w: the transfer matrices; differentiable in <paramref name="packed"/>.</summary>
    /// <param name="packed">w: [ParameterCount] float64.</param>
    /// <returns>Ts [Ms, Ms] and Ta [Ma, Ma], float64.</returns>
    public (Tensor Symmetric, Tensor Antisymmetric) Build(Tensor packed)
    {
        var (ms, ma) = (_symmetricCount, _antisymmetricCount);
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
