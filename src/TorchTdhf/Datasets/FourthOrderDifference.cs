using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Datasets;

/// <summary>
/// Fourth-order finite-difference first derivatives on a uniform grid, from five consecutive values
/// f(t_0 + i·h), i = 0..4. At the middle point (position 2) it is the central formula
/// f'(t_2) ≈ [f_0 − 8f_1 + 8f_3 − f_4] / (12h); positions 0, 1, 3 and 4 use the one-sided fourth-order formulas
/// on the same five points, so the first two and last two points of a trajectory get derivatives of the same
/// order (with larger error constants: 1/5 and 1/20 of h⁴ f⁽⁵⁾ against 1/30 for the central formula).
/// </summary>
public static class FourthOrderDifference
{
    // Numerators over 12h, by the position of the derivative within the window; columns are the five points.
    private static ReadOnlySpan<double> Numerators(int position) => position switch
    {
        0 => new[] { -25.0, 48, -36, 16, -3 },
        1 => new[] { -3.0, -10, 18, -6, 1 },
        2 => new[] { 1.0, -8, 0, 8, -1 },
        3 => new[] { -1.0, 6, -18, 10, 3 },
        4 => new[] { 3.0, -16, 36, -48, 25 },
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "must be 0..4"),
    };

    /// <summary>The weights w_i with f'(t_position) ≈ Σ_i w_i f_i.</summary>
    /// <param name="position">Where in the five-point window the derivative is wanted, 0..4.</param>
    /// <param name="h">Grid spacing (positive).</param>
    public static double[] Weights(int position, double h)
    {
        var numerators = Numerators(position);
        var weights = new double[5];
        for (var i = 0; i < 5; i++) weights[i] = numerators[i] / (12 * h);
        return weights;
    }

    /// <summary>The derivative at one point of a five-point window.</summary>
    /// <param name="window">Five tensors of equal shape and dtype (e.g. [B, N, N] complex128), consecutive in time.</param>
    /// <param name="position">Where in the window the derivative is wanted, 0..4.</param>
    /// <param name="h">Grid spacing (positive).</param>
    /// <returns>A new tensor with the window's shape, dtype and device.</returns>
    public static Tensor AtWindowPosition(IReadOnlyList<Tensor> window, int position, double h)
    {
        if (window.Count != 5) throw new ArgumentException($"need five points, got {window.Count}", nameof(window));
        var weights = Weights(position, h);
        using var scope = torch.NewDisposeScope();
        var sum = torch.zeros_like(window[0]);
        for (var i = 0; i < 5; i++)
        {
            if (weights[i] == 0) continue;
            // An implicit double → Scalar is unreachable once its handle is read, so a collection triggered by another
            // thread could finalize it during the native call; the using keeps it alive until the call returns.
            using var weight = weights[i].ToScalar();
            sum.add_(window[i], weight);
        }
        return sum.MoveToOuterDisposeScope();
    }

    /// <summary>Derivatives at every point of a sampled series: central in the interior, one-sided at the two ends.</summary>
    /// <param name="series">[T, ...] values at t_0 + s·h, T ≥ 5 (e.g. [T, N, N] complex128).</param>
    /// <param name="h">Grid spacing (positive).</param>
    /// <returns>[T, ...], same dtype and device.</returns>
    public static Tensor AlongFirstDimension(Tensor series, double h)
    {
        var count = series.shape[0];
        if (count < 5) throw new ArgumentException($"need at least five points, got {count}", nameof(series));
        using var scope = torch.NewDisposeScope();
        var head = Enumerable.Range(0, 5).Select(i => series[i]).ToArray();
        var tail = Enumerable.Range(0, 5).Select(i => series[count - 5 + i]).ToArray();
        var interior = (series.narrow(0, 0, count - 4) - 8 * series.narrow(0, 1, count - 4)
                        + 8 * series.narrow(0, 3, count - 4) - series.narrow(0, 4, count - 4)) / (12 * h);
        var result = torch.cat(new[]
        {
            AtWindowPosition(head, 0, h).unsqueeze(0),
            AtWindowPosition(head, 1, h).unsqueeze(0),
            interior,
            AtWindowPosition(tail, 3, h).unsqueeze(0),
            AtWindowPosition(tail, 4, h).unsqueeze(0),
        }, 0);
        return result.MoveToOuterDisposeScope();
    }
}
