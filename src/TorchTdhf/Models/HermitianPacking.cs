using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// Hermitian matrices as real triangle rows, and the real linear maps between Hermitian matrices that act on those
/// rows through two square real kernels. Shared by the true potential and every learnable model.
/// </summary>
/// <remarks>
/// <para><b>Triangle order</b> (the one order of every packed row, kernel and parameter column in this namespace):
/// the Ms = N(N+1)/2 symmetric pairs are (k, l) with k ≤ l in row-major order, (0,0), (0,1), …, (0,N−1), (1,1),
/// (1,2), …; the Ma = N(N−1)/2 antisymmetric pairs are those with k &lt; l, in the same order.</para>
/// <para><b>Pack</b> sends a complex matrix X to s_kl = Re X_kl + Re X_lk (k &lt; l), s_kk = Re X_kk, and
/// a_kl = Im X_kl − Im X_lk (k &lt; l). With Xₕ = ½(X + X†) this is s = 2 Re Xₕ off the diagonal and Re Xₕ on it,
/// a = 2 Im Xₕ: a map sees X only through its Hermitian part. <b>Unpack</b> builds the Hermitian matrix whose upper
/// triangle is (R, I): Re G_ij = Re G_ji = R_ij, Im G_ij = −Im G_ji = I_ij, Im G_ii = 0, each from one number, so
/// the result is Hermitian to the last bit. Under ⟨X, Y⟩ = Re Σ conj(X) Y, Pack is the adjoint of Unpack:
/// ⟨Unpack(R, I), Y⟩ = Σ R s(Y) + Σ I a(Y).</para>
/// <para><b>Maps.</b> A real linear map K[ij, kl] that sends symmetric matrices to symmetric ones and antisymmetric to
/// antisymmetric ones is G = Unpack(s W_s, a W_a) with W_s[kl, ij] = ½(K[ij, kl] + K[ij, lk]) over Ms × Ms pairs and
/// W_a[kl, ij] = ½(K[ij, kl] − K[ij, lk]) over Ma × Ma pairs (input pair first, so that rows [B, M] multiply the
/// kernels from the left): two real GEMMs of 2B·Ms² and 2B·Ma² flops, a quarter of the dense [2B, N²]·[N², N²]
/// product. The adjoint with respect to the kernels is (sᵀ s(Y), aᵀ a(Y)), by the adjointness of Pack and Unpack.</para>
/// <para>Packing and unpacking are gathers, so gradients flow through them to the matrices and the kernels.</para>
/// </remarks>
internal sealed class HermitianPacking : IDisposable
{
    // Flat positions k·N + l of the symmetric pairs, of their mirrors l·N + k, and of the antisymmetric pairs: [M].
    private readonly Tensor _upper;
    private readonly Tensor _lower;
    private readonly Tensor _upperStrict;
    private readonly Tensor _lowerStrict;

    // For every entry of a packed row (s | a), its two positions in view_as_real(X) flattened to [B, 2N²] (the upper
    // slot, then the mirror's) and the mirror's weight: 0 on the diagonal pairs (Re X_kk enters s once although both
    // gathers hit it), +1 for the other symmetric and −1 for the antisymmetric pairs. [1, N²] each, expanded over the batch.
    private readonly Tensor _rowUpper;
    private readonly Tensor _rowLower;
    private readonly Tensor _rowLowerWeight;

    // For every (real, imaginary) slot of G [N, N, 2], its source in the row (R (Ms) | I (Ma)) and its sign: +1, −1 for
    // Im G_ij with i > j, and 0 for Im G_ii (whose source is then any entry), [1, 2N²] each.
    private readonly Tensor _unpack;
    private readonly Tensor _unpackSign;

    /// <summary>Index tables for matrices of order <paramref name="n"/>.</summary>
    /// <param name="n">N ≥ 1.</param>
    public HermitianPacking(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "the basis size must be at least 1");
        N = n;
        SymmetricPairs = TrianglePairs(n, strict: false);
        AntisymmetricPairs = TrianglePairs(n, strict: true);

        long Flat(int row, int column) => (long)row * n + column;
        var upper = SymmetricPairs.Select(p => Flat(p.Row, p.Column)).ToArray();
        var lower = SymmetricPairs.Select(p => Flat(p.Column, p.Row)).ToArray();
        var upperStrict = AntisymmetricPairs.Select(p => Flat(p.Row, p.Column)).ToArray();
        var lowerStrict = AntisymmetricPairs.Select(p => Flat(p.Column, p.Row)).ToArray();

        // The tables live as long as this object, not in whatever dispose scope the caller has open.
        static Tensor Table(long[] values) => torch.tensor(values).DetachFromDisposeScope();
        static IEnumerable<long> Positions(IEnumerable<long> flat, int part) => flat.Select(f => 2 * f + part);
        _upper = Table(upper);
        _lower = Table(lower);
        _upperStrict = Table(upperStrict);
        _lowerStrict = Table(lowerStrict);
        _rowUpper = Table(Positions(upper, 0).Concat(Positions(upperStrict, 1)).ToArray()).unsqueeze_(0);
        _rowLower = Table(Positions(lower, 0).Concat(Positions(lowerStrict, 1)).ToArray()).unsqueeze_(0);
        var lowerWeight = SymmetricPairs.Select(p => p.Row == p.Column ? 0.0 : 1.0).Concat(AntisymmetricPairs.Select(_ => -1.0)).ToArray();
        _rowLowerWeight = torch.tensor(lowerWeight).DetachFromDisposeScope().unsqueeze_(0);
        var (sources, signs) = UnpackSources(n, SymmetricPairs, AntisymmetricPairs);
        _unpack = Table(sources).unsqueeze_(0);
        _unpackSign = torch.tensor(signs).DetachFromDisposeScope().unsqueeze_(0);
    }

    /// <summary>N.</summary>
    public int N { get; }

    /// <summary>Ms = N(N+1)/2, the number of symmetric pairs k ≤ l.</summary>
    public int SymmetricCount => SymmetricPairs.Count;

    /// <summary>Ma = N(N−1)/2, the number of antisymmetric pairs k &lt; l.</summary>
    public int AntisymmetricCount => AntisymmetricPairs.Count;

    /// <summary>The symmetric pairs (k, l), k ≤ l, in triangle order.</summary>
    public IReadOnlyList<(int Row, int Column)> SymmetricPairs { get; }

    /// <summary>The antisymmetric pairs (k, l), k &lt; l, in triangle order.</summary>
    public IReadOnlyList<(int Row, int Column)> AntisymmetricPairs { get; }

    /// <summary>Flat positions k·N + l of the symmetric pairs: [Ms] int64.</summary>
    public Tensor Upper => _upper;

    /// <summary>Flat positions l·N + k of the mirrors of the symmetric pairs: [Ms] int64.</summary>
    public Tensor Lower => _lower;

    /// <summary>Flat positions k·N + l of the antisymmetric pairs: [Ma] int64.</summary>
    public Tensor UpperStrict => _upperStrict;

    /// <summary>Flat positions l·N + k of the mirrors of the antisymmetric pairs: [Ma] int64.</summary>
    public Tensor LowerStrict => _lowerStrict;

    /// <summary>2·Ms² + 2·Ma²: real floating-point operations per matrix of <see cref="Apply"/> or <see cref="KernelAdjoint"/>.</summary>
    public long FlopsPerMatrix => 2L * SymmetricCount * SymmetricCount + 2L * AntisymmetricCount * AntisymmetricCount;

    /// <summary>The rows (s | a) of every matrix of a batch, side by side (see the remarks); differentiable.</summary>
    /// <param name="matrices">X: [B, N, N] complex128, any matrices.</param>
    /// <returns>[B, Ms + Ma] = [B, N²] float64, contiguous: s in the first Ms columns, a in the last Ma.</returns>
    public Tensor PackRows(Tensor matrices)
    {
        var batch = matrices.shape[0];
        using var scope = torch.NewDisposeScope();
        var flat = torch.view_as_real(matrices.resolve_conj().contiguous()).reshape(batch, 2L * N * N);
        // gather with a broadcast (stride-0) index is several times faster than index_select along the rows.
        Tensor Gather(Tensor positions) => flat.gather(1, positions.expand(batch, positions.shape[1]));
        return Gather(_rowUpper).addcmul_(Gather(_rowLower), _rowLowerWeight, 1.0).MoveToOuterDisposeScope();
    }

    /// <summary>The rows (s, a) of every matrix of a batch (see the remarks); differentiable.</summary>
    /// <param name="matrices">X: [B, N, N] complex128, any matrices.</param>
    /// <returns>s: [B, Ms] and a: [B, Ma], float64: column views of one <see cref="PackRows"/> tensor.</returns>
    public (Tensor Symmetric, Tensor Antisymmetric) Pack(Tensor matrices) => Split(PackRows(matrices));

    /// <summary>The Hermitian matrices whose upper triangles are (R, I) (see the remarks); differentiable.</summary>
    /// <param name="real">R: [B, Ms] float64.</param>
    /// <param name="imaginary">I: [B, Ma] float64.</param>
    /// <returns>[B, N, N] complex128, exactly Hermitian.</returns>
    public Tensor Unpack(Tensor real, Tensor imaginary)
    {
        using var scope = torch.NewDisposeScope();
        return UnpackRows(torch.cat(new[] { real, imaginary }, 1)).MoveToOuterDisposeScope();
    }

    /// <summary><see cref="Unpack"/> of R and I side by side in one row, the layout of <see cref="PackRows"/>: one gather
    /// and one multiply by the signs.</summary>
    /// <param name="rows">(R | I): [B, N²] float64.</param>
    /// <returns>[B, N, N] complex128, exactly Hermitian.</returns>
    public Tensor UnpackRows(Tensor rows)
    {
        var batch = rows.shape[0];
        using var scope = torch.NewDisposeScope();
        var interleaved = rows.gather(1, _unpack.expand(batch, _unpack.shape[1])).mul_(_unpackSign).reshape(batch, N, N, 2);
        return torch.view_as_complex(interleaved).MoveToOuterDisposeScope();
    }

    /// <summary>G = Unpack(s W_s, a W_a): differentiable in the kernels and the matrices.</summary>
    /// <param name="symmetricKernel">W_s: [Ms, Ms] float64, rows the pairs of X, columns the pairs of G.</param>
    /// <param name="antisymmetricKernel">W_a: [Ma, Ma] float64, same layout.</param>
    /// <param name="matrices">X: [B, N, N] complex128 (a density, orthonormal basis); only ½(X + X†) enters.</param>
    /// <returns>[B, N, N] complex128, same basis, exactly Hermitian.</returns>
    public Tensor Apply(Tensor symmetricKernel, Tensor antisymmetricKernel, Tensor matrices)
    {
        using var scope = torch.NewDisposeScope();
        return ApplyRows(symmetricKernel, antisymmetricKernel, PackRows(matrices)).MoveToOuterDisposeScope();
    }

    /// <summary><see cref="Apply"/> on matrices already packed by <see cref="PackRows"/>.</summary>
    /// <param name="symmetricKernel">W_s: [Ms, Ms] float64.</param>
    /// <param name="antisymmetricKernel">W_a: [Ma, Ma] float64.</param>
    /// <param name="rows">[B, N²] float64 from <see cref="PackRows"/>.</param>
    /// <returns>[B, N, N] complex128, exactly Hermitian.</returns>
    public Tensor ApplyRows(Tensor symmetricKernel, Tensor antisymmetricKernel, Tensor rows)
    {
        using var scope = torch.NewDisposeScope();
        var (s, a) = Split(rows);
        return UnpackRows(torch.cat(new[] { s.matmul(symmetricKernel), a.matmul(antisymmetricKernel) }, 1)).MoveToOuterDisposeScope();
    }

    /// <summary>The adjoint of (W_s, W_a) ↦ Apply(W_s, W_a, X) at Y, summed over the batch: (sᵀ s(Y), aᵀ a(Y)).</summary>
    /// <param name="matrices">X: [B, N, N] complex128.</param>
    /// <param name="cotangent">Y: [B, N, N] complex128, any matrices.</param>
    /// <returns>[Ms, Ms] and [Ma, Ma] float64, in the layout of the kernels.</returns>
    public (Tensor Symmetric, Tensor Antisymmetric) KernelAdjoint(Tensor matrices, Tensor cotangent)
    {
        using var scope = torch.NewDisposeScope();
        var (symmetric, antisymmetric) = KernelAdjointRows(PackRows(matrices), cotangent);
        return (symmetric.MoveToOuterDisposeScope(), antisymmetric.MoveToOuterDisposeScope());
    }

    /// <summary><see cref="KernelAdjoint"/> on matrices already packed by <see cref="PackRows"/>.</summary>
    /// <param name="rows">[B, N²] float64 from <see cref="PackRows"/>.</param>
    /// <param name="cotangent">Y: [B, N, N] complex128, any matrices.</param>
    /// <returns>[Ms, Ms] and [Ma, Ma] float64, in the layout of the kernels.</returns>
    public (Tensor Symmetric, Tensor Antisymmetric) KernelAdjointRows(Tensor rows, Tensor cotangent)
    {
        using var scope = torch.NewDisposeScope();
        var (s, a) = Split(rows);
        var (ys, ya) = Pack(cotangent);
        return (s.mT.matmul(ys).MoveToOuterDisposeScope(), a.mT.matmul(ya).MoveToOuterDisposeScope());
    }

    /// <summary>Real numbers per packed matrix: N².</summary>
    public long RowLength => (long)N * N;

    /// <summary><see cref="PackRows"/> of detached densities, after checking them (for <see cref="IPackedDensityPotential"/>).</summary>
    /// <param name="density">P: [B, N, N] complex128.</param>
    /// <returns>[B, N²] float64.</returns>
    public Tensor PackDensities(Tensor density)
    {
        DensityArguments.RequireBatch(density, N, nameof(density));
        return PackRows(density.detach());
    }

    /// <summary><see cref="ApplyRows"/> after checking the packed densities.</summary>
    /// <param name="symmetricKernel">W_s: [Ms, Ms] float64.</param>
    /// <param name="antisymmetricKernel">W_a: [Ma, Ma] float64.</param>
    /// <param name="packedDensity">[B, N²] float64.</param>
    /// <returns>[B, N, N] complex128, exactly Hermitian.</returns>
    public Tensor ApplyPacked(Tensor symmetricKernel, Tensor antisymmetricKernel, Tensor packedDensity)
    {
        PackedDensityArguments.Require(packedDensity, RowLength, nameof(packedDensity));
        return ApplyRows(symmetricKernel, antisymmetricKernel, packedDensity);
    }

    /// <summary><see cref="KernelAdjointRows"/> after checking both arguments (the cotangent is detached).</summary>
    /// <param name="packedDensity">[B, N²] float64.</param>
    /// <param name="cotangent">Y: [B, N, N] complex128.</param>
    /// <returns>[Ms, Ms] and [Ma, Ma] float64.</returns>
    public (Tensor Symmetric, Tensor Antisymmetric) KernelAdjointPacked(Tensor packedDensity, Tensor cotangent)
    {
        PackedDensityArguments.Require(packedDensity, RowLength, nameof(packedDensity));
        DensityArguments.RequireBatch(cotangent, N, nameof(cotangent));
        PackedDensityArguments.RequireSameBatch(packedDensity, cotangent);
        return KernelAdjointRows(packedDensity, cotangent.detach());
    }

    /// <summary>A packed model's <see cref="ILearnablePotential.Adjoint"/>: pack, kernel adjoint, unfold.</summary>
    /// <param name="model">The model whose kernels this packing serves.</param>
    /// <param name="density">P: [B, N, N] complex128.</param>
    /// <param name="cotangent">Y: [B, N, N] complex128.</param>
    /// <returns>[ParameterCount] float64.</returns>
    public Tensor ParameterAdjoint(IPackedDensityPotential model, Tensor density, Tensor cotangent)
    {
        using var scope = torch.NewDisposeScope();
        var (symmetric, antisymmetric) = KernelAdjointPacked(PackDensities(density), cotangent);
        return model.ParameterAdjoint(symmetric, antisymmetric).MoveToOuterDisposeScope();
    }

    /// <summary>The kernels (W_s, W_a) of a dense map K (see the remarks); the transposed row selection makes them BLAS-ready.</summary>
    /// <param name="kernel">K: [N², N²] float64, rows ij and columns kl flattened row-major; must map symmetric
    /// matrices to symmetric ones and antisymmetric to antisymmetric ones (only the rows i ≤ j are read).</param>
    /// <returns>W_s [Ms, Ms] and W_a [Ma, Ma], float64, contiguous, detached.</returns>
    public (Tensor Symmetric, Tensor Antisymmetric) FoldDense(Tensor kernel)
    {
        using var scope = torch.NewDisposeScope();
        var k2 = kernel.detach();
        var symmetric = PairFolding.Fold(k2.index_select(0, _upper), 1, _upper, _lower, 1).mul_(0.5);
        var antisymmetric = PairFolding.Fold(k2.index_select(0, _upperStrict), 1, _upperStrict, _lowerStrict, -1).mul_(0.5);
        return (symmetric.mT.contiguous().MoveToOuterDisposeScope(), antisymmetric.mT.contiguous().MoveToOuterDisposeScope());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in new[] { _upper, _lower, _upperStrict, _lowerStrict, _rowUpper, _rowLower, _rowLowerWeight, _unpack, _unpackSign })
            tensor.Dispose();
    }

    // (s, a) as column views of packed rows.
    private (Tensor Symmetric, Tensor Antisymmetric) Split(Tensor rows) =>
        (rows.narrow(1, 0, SymmetricCount), rows.narrow(1, SymmetricCount, AntisymmetricCount));

    private static (int Row, int Column)[] TrianglePairs(int n, bool strict)
    {
        var pairs = new List<(int, int)>();
        for (var k = 0; k < n; k++)
        for (var l = strict ? k + 1 : k; l < n; l++)
            pairs.Add((k, l));
        return pairs.ToArray();
    }

    private static (long[] Sources, double[] Signs) UnpackSources(int n, IReadOnlyList<(int Row, int Column)> symmetricPairs,
        IReadOnlyList<(int Row, int Column)> antisymmetricPairs)
    {
        var ms = symmetricPairs.Count;
        var symmetricIndex = new int[n, n];
        var strictIndex = new int[n, n];
        for (var p = 0; p < ms; p++)
        {
            var (k, l) = symmetricPairs[p];
            symmetricIndex[k, l] = symmetricIndex[l, k] = p;
        }
        for (var p = 0; p < antisymmetricPairs.Count; p++)
        {
            var (k, l) = antisymmetricPairs[p];
            strictIndex[k, l] = strictIndex[l, k] = p;
        }
        var sources = new long[2 * n * n];
        var signs = new double[2 * n * n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        {
            var slot = 2 * (i * n + j);
            (sources[slot], signs[slot]) = (symmetricIndex[i, j], 1.0);
            (sources[slot + 1], signs[slot + 1]) = i == j ? (0L, 0.0) : (ms + strictIndex[i, j], i < j ? 1.0 : -1.0);
        }
        return (sources, signs);
    }
}
