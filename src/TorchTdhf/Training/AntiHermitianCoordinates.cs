using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Training;

/// <summary>
/// Orthonormal real coordinates of anti-Hermitian N×N matrices, the space every commutator [G, P] of Hermitian G and P
/// lives in: N² real numbers per matrix instead of 2N², with the Euclidean inner product equal to ⟨X, Y⟩ = Re tr(X†Y).
/// </summary>
/// <remarks>
/// <para><b>Layout</b> of the N² coordinates of X = −X†: first Im X_ii for i = 0 … N−1, then √2 Re X_ij and then √2 Im X_ij
/// for the pairs i &lt; j in row-major order (Ma = N(N−1)/2 each). The √2 counts the mirror entry X_ji, so
/// Σ w_k² = ‖X‖²_F.</para>
/// <para><b>Maps.</b> <see cref="Coordinates"/> sends any complex matrix Y to the coordinates of its anti-Hermitian part
/// ½(Y − Y†) (an orthogonal projection followed by an isometry); <see cref="Matrices"/> sends coordinates back to the
/// anti-Hermitian matrix. Under the inner products above each is the adjoint of the other, and
/// Coordinates ∘ Matrices is the identity.</para>
/// <para>Both are two gathers and a multiply-add over the flat <c>view_as_real</c> layout, with the index and weight
/// rows broadcast over the batch: no transposed (strided) copies of complex tensors, which run several times slower.</para>
/// </remarks>
public sealed class AntiHermitianCoordinates : IDisposable
{
    // For coordinate k: the two view_as_real slots it combines and their weights, [1, N²] each.
    private readonly Tensor _first;
    private readonly Tensor _second;
    private readonly Tensor _firstWeight;
    private readonly Tensor _secondWeight;

    // For every view_as_real slot of a matrix: its source coordinate and weight, [1, 2N²] each. The real parts of the
    // diagonal, which are zero, read coordinate 0 with weight 0, so no zero column has to be appended to the batch.
    private readonly Tensor _source;
    private readonly Tensor _sourceWeight;

    /// <summary>Index tables for matrices of order <paramref name="n"/>.</summary>
    /// <param name="n">N ≥ 1.</param>
    public AntiHermitianCoordinates(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "the order must be at least 1");
        N = n;
        var count = n * n;
        var (first, second, firstWeight, secondWeight) = (new long[count], new long[count], new double[count], new double[count]);
        var source = new long[2 * count];
        var sourceWeight = new double[2 * count];
        long Real(int i, int j) => 2L * (i * n + j);
        var half = Math.Sqrt(0.5);
        for (var i = 0; i < n; i++)
        {
            (first[i], second[i], firstWeight[i], secondWeight[i]) = (Real(i, i) + 1, Real(i, i) + 1, 0.5, 0.5);
            (source[Real(i, i) + 1], sourceWeight[Real(i, i) + 1]) = (i, 1.0);
        }
        var pairs = n * (n - 1) / 2;
        var p = 0;
        for (var i = 0; i < n; i++)
        for (var j = i + 1; j < n; j++, p++)
        {
            var (re, im) = (n + p, n + pairs + p);
            (first[re], second[re], firstWeight[re], secondWeight[re]) = (Real(i, j), Real(j, i), half, -half);
            (first[im], second[im], firstWeight[im], secondWeight[im]) = (Real(i, j) + 1, Real(j, i) + 1, half, half);
            (source[Real(i, j)], sourceWeight[Real(i, j)]) = (re, half);
            (source[Real(j, i)], sourceWeight[Real(j, i)]) = (re, -half);
            (source[Real(i, j) + 1], sourceWeight[Real(i, j) + 1]) = (im, half);
            (source[Real(j, i) + 1], sourceWeight[Real(j, i) + 1]) = (im, half);
        }
        // The tables live as long as this object, not in whatever dispose scope the caller has open.
        static Tensor Row(Tensor values) => values.unsqueeze(0).DetachFromDisposeScope();
        _first = Row(torch.tensor(first));
        _second = Row(torch.tensor(second));
        _firstWeight = Row(torch.tensor(firstWeight));
        _secondWeight = Row(torch.tensor(secondWeight));
        _source = Row(torch.tensor(source));
        _sourceWeight = Row(torch.tensor(sourceWeight));
    }

    /// <summary>N.</summary>
    public int N { get; }

    /// <summary>N², the number of coordinates per matrix.</summary>
    public long Count => (long)N * N;

    /// <summary>The coordinates of scale · ½(Y − Y†) for every matrix of a batch.</summary>
    /// <param name="matrices">Y: [B, N, N] complex128, any matrices (any basis; the coordinates refer to the same one).</param>
    /// <param name="scale">A factor applied on the way (e.g. 2 for the coordinates of Y − Y†).</param>
    /// <returns>[B, N²] float64.</returns>
    public Tensor Coordinates(Tensor matrices, double scale = 1.0)
    {
        RequireMatrices(matrices);
        var batch = matrices.shape[0];
        using var scope = torch.NewDisposeScope();
        var flat = torch.view_as_real(matrices.resolve_conj().contiguous()).reshape(batch, 2 * Count);
        var result = flat.gather(1, _first.expand(batch, Count)).mul_(_firstWeight * scale);
        result.addcmul_(flat.gather(1, _second.expand(batch, Count)), _secondWeight * scale, 1.0);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>The anti-Hermitian matrices scale · X with the given coordinates.</summary>
    /// <param name="coordinates">w: [B, N²] float64.</param>
    /// <param name="scale">A factor applied on the way.</param>
    /// <returns>[B, N, N] complex128, exactly anti-Hermitian.</returns>
    public Tensor Matrices(Tensor coordinates, double scale = 1.0)
    {
        if (coordinates.dtype != ScalarType.Float64 || coordinates.dim() != 2 || coordinates.shape[1] != Count)
            throw new ArgumentException($"coordinates must be [B, {Count}] float64, not [{string.Join(", ", coordinates.shape)}] {coordinates.dtype}", nameof(coordinates));
        var batch = coordinates.shape[0];
        using var scope = torch.NewDisposeScope();
        var slots = coordinates.gather(1, _source.expand(batch, 2 * Count)).mul_(_sourceWeight * scale);
        return torch.view_as_complex(slots.reshape(batch, N, N, 2)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in new[] { _first, _second, _firstWeight, _secondWeight, _source, _sourceWeight }) tensor.Dispose();
    }

    private void RequireMatrices(Tensor matrices)
    {
        if (matrices.dtype != ScalarType.ComplexFloat64 || matrices.dim() != 3 || matrices.shape[1] != N || matrices.shape[2] != N)
            throw new ArgumentException($"matrices must be [B, {N}, {N}] complex128, not [{string.Join(", ", matrices.shape)}] {matrices.dtype}", nameof(matrices));
    }
}
