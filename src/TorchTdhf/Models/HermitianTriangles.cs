using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// A batch of complex N×N matrices as the lower triangles of the Hermitian part: Re on the N(N+1)/2 pairs i ≥ j and
/// Im on the N(N−1)/2 pairs i &gt; j, both in the compound order of <see cref="EightFoldPacking"/>.
/// </summary>
/// <remarks>
/// Packing and unpacking are gathers, hence differentiable. With M = ½(X + X†):
/// <code>
/// symmetric[b, ij]     = Re X_ij + Re X_ji = 2 Re M_ij        (i ≥ j)
/// antisymmetric[b, ij] = Im X_ij − Im X_ji = 2 Im M_ij        (i &gt; j)
/// </code>
/// <see cref="Unpack"/> is the inverse direction for a Hermitian result: it writes Re G_ij = Re G_ji, Im G_ij = −Im G_ji
/// and Im G_ii = 0 from one number each, so the result is Hermitian to the last bit.
/// </remarks>
internal sealed class HermitianTriangles : IDisposable
{
    // Positions in view_as_real(X) flattened to [B, 2N²] of Re X_ij and Re X_ji (i ≥ j), then of Im X_ij and Im X_ji
    // (i > j): [1, Ms] and [1, Ma] each.
    private readonly Tensor _realLower;
    private readonly Tensor _realUpper;
    private readonly Tensor _imaginaryLower;
    private readonly Tensor _imaginaryUpper;

    // ½ on diagonal pairs, 1 elsewhere: [1, Ms].
    private readonly Tensor _diagonalHalf;

    // For every (real, imaginary) slot of G [N, N, 2], its source in [symmetric (Ms) | antisymmetric (Ma) | −antisymmetric (Ma) | 0].
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
        Tensor Positions(IEnumerable<(int Row, int Column)> entries, int part) =>
            torch.tensor(entries.Select(e => 2L * (e.Row * n + e.Column) + part).ToArray()).reshape(1, -1).DetachFromDisposeScope();
        _realLower = Positions(pairs.Select(p => (p.I, p.J)), 0);
        _realUpper = Positions(pairs.Select(p => (p.J, p.I)), 0);
        _imaginaryLower = Positions(strict.Select(p => (p.I, p.J)), 1);
        _imaginaryUpper = Positions(strict.Select(p => (p.J, p.I)), 1);
        _diagonalHalf = torch.tensor(pairs.Select(p => p.I == p.J ? 0.5 : 1.0).ToArray()).reshape(1, -1).DetachFromDisposeScope();

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
        _unpack = torch.tensor(unpack).reshape(1, -1).DetachFromDisposeScope();
    }

    /// <summary>N.</summary>
    public int N { get; }

    /// <summary>Ms = N(N+1)/2, pairs i ≥ j.</summary>
    public int SymmetricCount { get; }

    /// <summary>Ma = N(N−1)/2, pairs i &gt; j.</summary>
    public int AntisymmetricCount { get; }

    /// <summary>Twice the Hermitian part's lower triangles (see the class remarks).</summary>
    /// <param name="matrices">X: [B, N, N] complex128.</param>
    /// <returns>symmetric [B, Ms] and antisymmetric [B, Ma], float64, contiguous.</returns>
    public (Tensor Symmetric, Tensor Antisymmetric) Pack(Tensor matrices)
    {
        var batch = matrices.shape[0];
        using var scope = torch.NewDisposeScope();
        var flat = torch.view_as_real(matrices.resolve_conj().contiguous()).reshape(batch, 2L * N * N);
        // A broadcast (stride-0) index makes gather much faster than index_select along the rows.
        Tensor Gather(Tensor positions) => flat.gather(1, positions.expand(batch, positions.shape[1]));
        var symmetric = Gather(_realLower).add_(Gather(_realUpper));
        var antisymmetric = Gather(_imaginaryLower).sub_(Gather(_imaginaryUpper));
        return (symmetric.MoveToOuterDisposeScope(), antisymmetric.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// The weights z of the inner product with a Hermitian result: Re Σ_ij conj(G_ij) Y_ij = Σ_{i≥j} Re G_ij z_s[ij] +
    /// Σ_{i&gt;j} Im G_ij z_a[ij] for every Hermitian G, i.e. <see cref="Pack"/> with the diagonal halved.
    /// </summary>
    /// <param name="cotangent">Y: [B, N, N] complex128, any matrices.</param>
    /// <returns>z_s [B, Ms] and z_a [B, Ma], float64.</returns>
    public (Tensor Symmetric, Tensor Antisymmetric) PackCotangent(Tensor cotangent)
    {
        var (symmetric, antisymmetric) = Pack(cotangent);
        return (symmetric.mul_(_diagonalHalf), antisymmetric);
    }

    /// <summary>The Hermitian matrices with the given lower triangles of Re and Im.</summary>
    /// <param name="symmetric">Re G_ij, i ≥ j: [B, Ms] float64.</param>
    /// <param name="antisymmetric">Im G_ij, i &gt; j: [B, Ma] float64.</param>
    /// <returns>G: [B, N, N] complex128, exactly Hermitian.</returns>
    public Tensor Unpack(Tensor symmetric, Tensor antisymmetric)
    {
        var batch = symmetric.shape[0];
        using var scope = torch.NewDisposeScope();
        var sources = torch.cat(new[] { symmetric, antisymmetric, antisymmetric.neg(), torch.zeros(batch, 1, ScalarType.Float64) }, 1);
        var interleaved = sources.gather(1, _unpack.expand(batch, _unpack.shape[1])).reshape(batch, N, N, 2);
        return torch.view_as_complex(interleaved).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _realLower.Dispose();
        _realUpper.Dispose();
        _imaginaryLower.Dispose();
        _imaginaryUpper.Dispose();
        _diagonalHalf.Dispose();
        _unpack.Dispose();
    }
}
