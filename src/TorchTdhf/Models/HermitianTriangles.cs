using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// A batch of complex N×N matrices as lower triangles, [B, Ms + Ma] float64: Re on the Ms = N(N+1)/2 pairs i ≥ j,
/// then Im on the Ma = N(N−1)/2 pairs i &gt; j, both in the compound order of <see cref="EightFoldPacking"/>.
/// </summary>
/// <remarks>
/// Every packing is one or two gathers (differentiable). With Xₕ = ½(X + X†):
/// <code>
/// PackLower          [Re X_ij (i ≥ j) | Im X_ij (i &gt; j)]                the triangles of X (= those of Xₕ for Hermitian X)
/// PackHermitianPart  [Re X_ij + Re X_ji | Im X_ij − Im X_ji]            2 × the triangles of Xₕ
/// PackCotangent      [c_ij (Re X_ij + Re X_ji) | Im X_ij − Im X_ji]     c_ij = ½ on the diagonal, 1 elsewhere
/// </code>
/// The last gives the weights of the inner product with a Hermitian G: Re Σ_ij conj(G_ij) X_ij = Σ_p y_p z_p for y the
/// packed triangles of G. <see cref="Unpack"/> goes the other way for a Hermitian result: it writes Re G_ij = Re G_ji,
/// Im G_ij = −Im G_ji and Im G_ii = 0 from one number each, so the result is Hermitian to the last bit.
/// </remarks>
internal sealed class HermitianTriangles : IDisposable
{
    // Positions in view_as_real(X) flattened to [B, 2N²] of the packed entries (X_ij) and of their mirror images (X_ji):
    // [1, Ms + Ma] each.
    private readonly Tensor _lower;
    private readonly Tensor _upper;

    // Weights of the mirror images: +1 on Re and −1 on Im for the Hermitian part; the cotangent's are 0 on the
    // diagonal, which takes each diagonal entry once. [1, Ms + Ma] each.
    private readonly Tensor _hermitianSign;
    private readonly Tensor _cotangentSign;

    // For every (real, imaginary) slot of G [N, N, 2], its source in [Re (Ms) | Im (Ma) | −Im (Ma) | 0].
    private readonly Tensor _unpack;

    /// <summary>Index tables for matrices of order <paramref name="n"/>.</summary>
    public HermitianTriangles(int n)
    {
        N = n;
        var pairs = EightFoldPacking.Pairs(n);
        var strict = pairs.Where(p => p.I > p.J).ToArray();
        SymmetricCount = pairs.Length;
        AntisymmetricCount = strict.Length;

        using var scope = torch.NewDisposeScope();
        Tensor Row(Tensor values) => values.reshape(1, -1).DetachFromDisposeScope();
        long Position(int row, int column, int part) => 2L * (row * n + column) + part;
        _lower = Row(torch.tensor(pairs.Select(p => Position(p.I, p.J, 0)).Concat(strict.Select(p => Position(p.I, p.J, 1))).ToArray()));
        _upper = Row(torch.tensor(pairs.Select(p => Position(p.J, p.I, 0)).Concat(strict.Select(p => Position(p.J, p.I, 1))).ToArray()));
        _hermitianSign = Row(torch.tensor(pairs.Select(_ => 1.0).Concat(strict.Select(_ => -1.0)).ToArray()));
        _cotangentSign = Row(torch.tensor(pairs.Select(p => p.I == p.J ? 0.0 : 1.0).Concat(strict.Select(_ => -1.0)).ToArray()));

        var symmetricIndex = new long[n, n];
        var strictIndex = new long[n, n];
        for (var p = 0; p < pairs.Length; p++) symmetricIndex[pairs[p].I, pairs[p].J] = symmetricIndex[pairs[p].J, pairs[p].I] = p;
        for (var p = 0; p < strict.Length; p++) strictIndex[strict[p].I, strict[p].J] = strictIndex[strict[p].J, strict[p].I] = p;
        var (ms, ma) = ((long)SymmetricCount, (long)AntisymmetricCount);
        var unpack = new long[2 * n * n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        {
            unpack[2 * (i * n + j)] = symmetricIndex[i, j];
            unpack[2 * (i * n + j) + 1] = i == j ? ms + 2 * ma : i > j ? ms + strictIndex[i, j] : ms + ma + strictIndex[i, j];
        }
        _unpack = Row(torch.tensor(unpack));
    }

    /// <summary>N.</summary>
    public int N { get; }

    /// <summary>Ms = N(N+1)/2, pairs i ≥ j.</summary>
    public int SymmetricCount { get; }

    /// <summary>Ma = N(N−1)/2, pairs i &gt; j.</summary>
    public int AntisymmetricCount { get; }

    /// <summary>The lower triangles of the matrices themselves (one gather).</summary>
    /// <param name="matrices">X: [B, N, N] complex128.</param>
    /// <returns>[B, Ms + Ma] float64.</returns>
    public Tensor PackLower(Tensor matrices)
    {
        using var scope = torch.NewDisposeScope();
        return Gather(Flatten(matrices), _lower).MoveToOuterDisposeScope();
    }

    /// <summary>Twice the lower triangles of the Hermitian part (see the class remarks).</summary>
    /// <param name="matrices">X: [B, N, N] complex128.</param>
    /// <returns>[B, Ms + Ma] float64.</returns>
    public Tensor PackHermitianPart(Tensor matrices) => PackWithMirror(matrices, _hermitianSign);

    /// <summary>The inner-product weights of a cotangent against Hermitian results (see the class remarks).</summary>
    /// <param name="cotangent">Y: [B, N, N] complex128, any matrices.</param>
    /// <returns>[B, Ms + Ma] float64.</returns>
    public Tensor PackCotangent(Tensor cotangent) => PackWithMirror(cotangent, _cotangentSign);

    /// <summary>The Hermitian matrices with the given lower triangles of Re and Im.</summary>
    /// <param name="symmetric">Re G_ij, i ≥ j: [B, Ms] float64.</param>
    /// <param name="antisymmetric">Im G_ij, i &gt; j: [B, Ma] float64.</param>
    /// <returns>G: [B, N, N] complex128, exactly Hermitian.</returns>
    public Tensor Unpack(Tensor symmetric, Tensor antisymmetric)
    {
        var batch = symmetric.shape[0];
        using var scope = torch.NewDisposeScope();
        var sources = torch.cat(new[] { symmetric, antisymmetric, antisymmetric.neg(), torch.zeros(batch, 1, ScalarType.Float64) }, 1);
        var interleaved = Gather(sources, _unpack).reshape(batch, N, N, 2);
        return torch.view_as_complex(interleaved).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _lower.Dispose();
        _upper.Dispose();
        _hermitianSign.Dispose();
        _cotangentSign.Dispose();
        _unpack.Dispose();
    }

    private Tensor PackWithMirror(Tensor matrices, Tensor mirrorSign)
    {
        using var scope = torch.NewDisposeScope();
        var flat = Flatten(matrices);
        return Gather(flat, _lower).addcmul_(Gather(flat, _upper), mirrorSign, 1.0).MoveToOuterDisposeScope();
    }

    private Tensor Flatten(Tensor matrices) => torch.view_as_real(matrices.resolve_conj().contiguous()).reshape(matrices.shape[0], 2L * N * N);

    // A broadcast (stride-0) index makes gather much faster than index_select along the rows.
    private static Tensor Gather(Tensor rows, Tensor positions) => rows.gather(1, positions.expand(rows.shape[0], positions.shape[1]));
}
