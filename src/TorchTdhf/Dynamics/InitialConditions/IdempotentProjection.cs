using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics.InitialConditions;

/// <summary>
/// The closed-shell density nearest to a Hermitian matrix: twice the projector onto its N_e/2 eigenvectors with
/// the largest eigenvalues. Occupying a fixed number of eigenvectors (rather than thresholding eigenvalues, as the
/// learningTDHF paper did) keeps the electron count exact.
/// </summary>
public static class IdempotentProjection
{
    /// <summary>Projects Hermitian matrices onto closed-shell densities.</summary>
    /// <param name="hermitian">[N, N] or [B, N, N] complex128, Hermitian, orthonormal basis; any device.</param>
    /// <param name="electronCount">Electrons N_e: even, 0 ≤ N_e ≤ 2N.</param>
    /// <returns>Same shape and device, complex128, orthonormal basis: Hermitian, Tr P = N_e, P² = 2P.</returns>
    /// <exception cref="TdhfInputException">The electron count does not fit, or the occupied and virtual eigenvalues
    /// of a member touch, so the nearest density is not unique.</exception>
    public static Tensor Nearest(Tensor hermitian, int electronCount)
    {
        if (hermitian.dim() is not (2 or 3) || hermitian.shape[^1] != hermitian.shape[^2])
            throw new ArgumentException($"expected [N, N] or [B, N, N], got [{string.Join(", ", hermitian.shape)}]", nameof(hermitian));
        var n = hermitian.shape[^1];
        if (electronCount < 0 || electronCount % 2 != 0 || electronCount > 2 * n)
            throw new TdhfInputException($"electron count {electronCount} must be even and between 0 and 2N = {2 * n}", key: "electrons");

        using var scope = torch.NewDisposeScope();
        var occupiedCount = electronCount / 2;
        var (values, vectors) = torch.linalg.eigh(hermitian.to(ScalarType.ComplexFloat64));
        if (occupiedCount > 0 && occupiedCount < n) CheckGap(values, n - occupiedCount);
        var occupied = vectors.narrow(-1, n - occupiedCount, occupiedCount);
        var projector = occupied.matmul(occupied.mH);
        // Q + Qᴴ is the occupation-2 density; unlike 2Q it is exactly Hermitian, as the (i, j) and (j, i)
        // entries of Q are rounded separately.
        return projector.add(projector.mH).MoveToOuterDisposeScope();
    }

    private static void CheckGap(Tensor ascendingValues, long firstOccupied)
    {
        var values = ascendingValues.reshape(-1, ascendingValues.shape[^1]);
        var gaps = (values.select(1, firstOccupied) - values.select(1, firstOccupied - 1)).cpu().data<double>().ToArray();
        var scale = Math.Max(1.0, values.abs().max().item<double>());
        for (var b = 0; b < gaps.Length; b++)
        {
            if (!(gaps[b] > 1e-10 * scale))
                throw new TdhfInputException(
                    $"member {b}: eigenvalues {firstOccupied - 1} and {firstOccupied} are degenerate (gap {gaps[b]:G3}), so the nearest idempotent density is not unique",
                    key: "electrons");
        }
    }
}
