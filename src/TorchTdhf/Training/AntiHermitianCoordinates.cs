using TorchSharp;
using static TorchSharp.torch;
using TorchTdhf.Numerics;

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
/// <para>Both are one fused pass (<see cref="Numerics.WeightedGather"/>) over the flat <c>view_as_real</c> layout: no
/// transposed (strided) copies of complex tensors, and no intermediate batch. Not differentiable.</para>
/// </remarks>
public sealed class AntiHermitianCoordinates
{
    // Coordinates from the view_as_real slots of a matrix (two sources each) and back (one source per slot; the real
    // parts of the diagonal, which are zero, read coordinate 0 with weight 0).
    private readonly WeightedGather _toCoordinates;
    private readonly WeightedGather _toMatrices;

    /// <summary>Index tables for matrices of order <paramref name="n"/>.</summary>
    /// <param name="n">N ≥ 1.</param>
    public AntiHermitianCoordinates(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "the order must be at least 1");
        N = n;
        var count = n * n;
        var (first, second, firstWeight, secondWeight) = (new int[count], new int[count], new double[count], new double[count]);
        var source = new int[2 * count];
        var sourceWeight = new double[2 * count];
        int Real(int i, int j) => 2 * (i * n + j);
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
        _toCoordinates = new WeightedGather(2 * count, first, firstWeight, second, secondWeight);
        _toMatrices = new WeightedGather(count, source, sourceWeight);
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
        var result = torch.empty(matrices.shape[0], Count, ScalarType.Float64);
        CoordinatesInto(matrices, result, scale);
        return result;
    }

    /// <summary><see cref="Coordinates"/> written into <paramref name="destination"/>.</summary>
    /// <param name="matrices">Y: [B, N, N] complex128.</param>
    /// <param name="destination">[B, N²] float64, contiguous (a row range of a larger tensor will do).</param>
    /// <param name="scale">A factor applied on the way.</param>
    public void CoordinatesInto(Tensor matrices, Tensor destination, double scale = 1.0)
    {
        RequireMatrices(matrices);
        if (destination.dtype != ScalarType.Float64 || destination.dim() != 2 || destination.shape[1] != Count)
            throw new ArgumentException($"the destination must be [B, {Count}] float64, not [{string.Join(", ", destination.shape)}] {destination.dtype}", nameof(destination));
        using var scope = torch.NewDisposeScope();
        _toCoordinates.Apply(matrices.resolve_conj().contiguous(), destination, scale);
    }

    /// <summary>The anti-Hermitian matrices scale · X with the given coordinates.</summary>
    /// <param name="coordinates">w: [B, N²] float64.</param>
    /// <param name="scale">A factor applied on the way.</param>
    /// <returns>[B, N, N] complex128, exactly anti-Hermitian.</returns>
    public Tensor Matrices(Tensor coordinates, double scale = 1.0)
    {
        if (coordinates.dtype != ScalarType.Float64 || coordinates.dim() != 2 || coordinates.shape[1] != Count)
            throw new ArgumentException($"coordinates must be [B, {Count}] float64, not [{string.Join(", ", coordinates.shape)}] {coordinates.dtype}", nameof(coordinates));
        var result = torch.empty(coordinates.shape[0], N, N, ScalarType.ComplexFloat64);
        using var scope = torch.NewDisposeScope();
        _toMatrices.Apply(coordinates.contiguous(), result, scale);
        return result;
    }

    private void RequireMatrices(Tensor matrices)
    {
        if (matrices.dtype != ScalarType.ComplexFloat64 || matrices.dim() != 3 || matrices.shape[1] != N || matrices.shape[2] != N)
            throw new ArgumentException($"matrices must be [B, {N}, {N}] complex128, not [{string.Join(", ", matrices.shape)}] {matrices.dtype}", nameof(matrices));
    }
}
