using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// The packed-triangle form shared by the Tied and Herm models: a real linear map from Hermitian matrices to
/// Hermitian matrices given by two real weight matrices, W_s on the symmetric (real) part and W_a on the
/// antisymmetric (imaginary) part, evaluated as two dense products per batch.
/// </summary>
/// <remarks>
/// <para>Triangle order: the N(N+1)/2 symmetric pairs are (k, l) with k ≤ l in row-major order, (0,0), (0,1), …,
/// (0,N−1), (1,1), (1,2), …; the N(N−1)/2 antisymmetric pairs are those with k &lt; l, in the same order.</para>
/// <para><see cref="Pack"/> sends a complex matrix M to s_kl = Re M_kl + Re M_lk (k &lt; l), s_kk = Re M_kk, and
/// a_kl = Im M_kl − Im M_lk (k &lt; l). On a density this is s = 2 Re Pₕ off the diagonal and Re Pₕ on it, a = 2 Im Pₕ,
/// with Pₕ = ½(P + P†), so every map below sees P only through its Hermitian part. <see cref="Unpack"/> builds
/// the Hermitian matrix whose upper triangle is (R, I): Re G_ij = Re G_ji = R_ij, Im G_ij = −Im G_ji = I_ij, Im G_ii = 0,
/// so its result is Hermitian to the last bit. Under ⟨X, Y⟩ = Re Σ conj(X) Y the adjoint of Unpack is Pack:
/// ⟨Unpack(R, I), Y⟩ = Σ R s(Y) + Σ I a(Y).</para>
/// <para>The map is G = Unpack(s W_s, a W_a) with s [B, Ms] and a [B, Ma] rows, and the adjoint with respect to the
/// weights is (sᵀ s(Y), aᵀ a(Y)): four real GEMMs of 2B·Ms² and 2B·Ma² floating-point operations in all.</para>
/// </remarks>
internal sealed class PackedHermitianMap : IDisposable
{
    // Flat positions k·N + l of the pairs (k ≤ l), of their mirrors l·N + k, and of the strict pairs (k < l): [M].
    private readonly Tensor _upper;
    private readonly Tensor _lower;
    private readonly Tensor _upperStrict;
    private readonly Tensor _lowerStrict;

    // The same pairs as positions in view_as_real(M) flattened to [B, 2N²]: [1, M] each, expanded over the batch.
    private readonly Tensor _realUpper;
    private readonly Tensor _realLower;
    private readonly Tensor _imaginaryUpper;
    private readonly Tensor _imaginaryLower;

    // ½ on the diagonal pairs, 1 elsewhere: [1, Ms]; the diagonal of Re M enters s once although both gathers hit it.
    private readonly Tensor _diagonalOnce;

    // For every (real, imaginary) slot of G [N, N, 2], its source in [R (Ms) | I (Ma) | −I (Ma) | 0].
    private readonly Tensor _unpack;

    /// <summary>Index tables for basis size <paramref name="n"/>.</summary>
    public PackedHermitianMap(int n)
    {
        N = n;
        SymmetricCount = n * (n + 1) / 2;
        AntisymmetricCount = n * (n - 1) / 2;
        var upper = new List<long>();
        var lower = new List<long>();
        var upperStrict = new List<long>();
        var lowerStrict = new List<long>();
        var weights = new List<double>();
        var symmetricIndex = new int[n, n];
        var strictIndex = new int[n, n];
        for (var k = 0; k < n; k++)
        for (var l = k; l < n; l++)
        {
            symmetricIndex[k, l] = symmetricIndex[l, k] = upper.Count;
            upper.Add(k * n + l);
            lower.Add(l * n + k);
            weights.Add(k == l ? 0.5 : 1.0);
            if (k == l) continue;
            strictIndex[k, l] = strictIndex[l, k] = upperStrict.Count;
            upperStrict.Add(k * n + l);
            lowerStrict.Add(l * n + k);
        }

        var unpack = new long[2 * n * n];
        var zeroSlot = SymmetricCount + 2 * AntisymmetricCount;
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        {
            unpack[2 * (i * n + j)] = symmetricIndex[i, j];
            unpack[2 * (i * n + j) + 1] = i == j ? zeroSlot
                : i < j ? SymmetricCount + strictIndex[i, j]
                : SymmetricCount + AntisymmetricCount + strictIndex[i, j];
        }

        // The tables live as long as this object, not in whatever dispose scope the caller has open.
        static Tensor Table(long[] values) => torch.tensor(values).DetachFromDisposeScope();
        static Tensor Positions(IEnumerable<long> flat, int part) => Table(flat.Select(f => 2 * f + part).ToArray()).unsqueeze_(0);
        _upper = Table(upper.ToArray());
        _lower = Table(lower.ToArray());
        _upperStrict = Table(upperStrict.ToArray());
        _lowerStrict = Table(lowerStrict.ToArray());
        _realUpper = Positions(upper, 0);
        _realLower = Positions(lower, 0);
        _imaginaryUpper = Positions(upperStrict, 1);
        _imaginaryLower = Positions(lowerStrict, 1);
        _diagonalOnce = torch.tensor(weights.ToArray()).DetachFromDisposeScope().unsqueeze_(0);
        _unpack = Table(unpack).unsqueeze_(0);
    }

    /// <summary>N.</summary>
    public int N { get; }

    /// <summary>Ms = N(N+1)/2, the number of symmetric pairs k ≤ l.</summary>
    public int SymmetricCount { get; }

    /// <summary>Ma = N(N−1)/2, the number of antisymmetric pairs k &lt; l.</summary>
    public int AntisymmetricCount { get; }

    /// <summary>Flat positions k·N + l of the symmetric pairs: [Ms] int64.</summary>
    public Tensor Upper => _upper;

    /// <summary>Flat positions l·N + k of the mirrors of the symmetric pairs: [Ms] int64.</summary>
    public Tensor Lower => _lower;

    /// <summary>Flat positions k·N + l of the antisymmetric pairs: [Ma] int64.</summary>
    public Tensor UpperStrict => _upperStrict;

    /// <summary>Flat positions l·N + k of the mirrors of the antisymmetric pairs: [Ma] int64.</summary>
    public Tensor LowerStrict => _lowerStrict;

    /// <summary>2·Ms² + 2·Ma²: real floating-point operations per matrix of <see cref="Apply"/> or <see cref="WeightAdjoint"/>.</summary>
    public long FlopsPerMatrix => 2L * SymmetricCount * SymmetricCount + 2L * AntisymmetricCount * AntisymmetricCount;

    /// <summary>(s, a) of every matrix of a batch (see the remarks).</summary>
    /// <param name="matrices">M: [B, N, N] complex128.</param>
    /// <returns>s: [B, Ms] and a: [B, Ma], float64.</returns>
    public (Tensor Symmetric, Tensor Antisymmetric) Pack(Tensor matrices)
    {
        var batch = matrices.shape[0];
        using var scope = torch.NewDisposeScope();
        var flat = torch.view_as_real(matrices.resolve_conj().contiguous()).reshape(batch, 2L * N * N);
        // gather with a broadcast (stride-0) index is much faster than index_select along the rows.
        Tensor Gather(Tensor positions) => flat.gather(1, positions.expand(batch, positions.shape[1]));
        var symmetric = Gather(_realUpper).add(Gather(_realLower)).mul(_diagonalOnce);
        var antisymmetric = Gather(_imaginaryUpper).sub(Gather(_imaginaryLower));
        return (symmetric.MoveToOuterDisposeScope(), antisymmetric.MoveToOuterDisposeScope());
    }

    /// <summary>The Hermitian matrices whose upper triangles are (R, I) (see the remarks).</summary>
    /// <param name="real">R: [B, Ms] float64.</param>
    /// <param name="imaginary">I: [B, Ma] float64.</param>
    /// <returns>[B, N, N] complex128, exactly Hermitian.</returns>
    public Tensor Unpack(Tensor real, Tensor imaginary)
    {
        var batch = real.shape[0];
        using var scope = torch.NewDisposeScope();
        var sources = torch.cat(new[] { real, imaginary, imaginary.neg(), torch.zeros(batch, 1, ScalarType.Float64) }, 1);
        var interleaved = sources.gather(1, _unpack.expand(batch, _unpack.shape[1])).reshape(batch, N, N, 2);
        return torch.view_as_complex(interleaved).MoveToOuterDisposeScope();
    }

    /// <summary>G = Unpack(s W_s, a W_a): differentiable in the weights and the densities.</summary>
    /// <param name="symmetricWeights">W_s: [Ms, Ms] float64, rows the pairs of P, columns the pairs of G.</param>
    /// <param name="antisymmetricWeights">W_a: [Ma, Ma] float64, same layout.</param>
    /// <param name="density">P: [B, N, N] complex128.</param>
    /// <returns>[B, N, N] complex128, exactly Hermitian.</returns>
    public Tensor Apply(Tensor symmetricWeights, Tensor antisymmetricWeights, Tensor density)
    {
        using var scope = torch.NewDisposeScope();
        var (s, a) = Pack(density);
        return Unpack(s.matmul(symmetricWeights), a.matmul(antisymmetricWeights)).MoveToOuterDisposeScope();
    }

    /// <summary>The adjoint of (W_s, W_a) ↦ Apply(W_s, W_a, P) at Y, summed over the batch: (sᵀ s(Y), aᵀ a(Y)).</summary>
    /// <param name="density">P: [B, N, N] complex128.</param>
    /// <param name="cotangent">Y: [B, N, N] complex128, any matrices.</param>
    /// <returns>[Ms, Ms] and [Ma, Ma] float64.</returns>
    public (Tensor Symmetric, Tensor Antisymmetric) WeightAdjoint(Tensor density, Tensor cotangent)
    {
        using var scope = torch.NewDisposeScope();
        var (s, a) = Pack(density);
        var (ys, ya) = Pack(cotangent);
        return (s.mT.matmul(ys).MoveToOuterDisposeScope(), a.mT.matmul(ya).MoveToOuterDisposeScope());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in new[] { _upper, _lower, _upperStrict, _lowerStrict, _realUpper, _realLower, _imaginaryUpper, _imaginaryLower, _diagonalOnce, _unpack })
            tensor.Dispose();
    }
}
