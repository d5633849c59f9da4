using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics.InitialConditions;

/// <summary>
/// How far each density of a stack is from a closed-shell density with a given electron count; one entry per
/// member. Deviations of members with non-finite entries are NaN.
/// </summary>
/// <param name="Finite">True when every entry of the member is finite.</param>
/// <param name="Hermiticity">max_ij |P_ij − conj(P_ji)|.</param>
/// <param name="Trace">The trace Tr P (complex, so a non-real trace shows).</param>
/// <param name="TraceError">|Tr P − N_e|.</param>
/// <param name="Idempotency">max_ij |(P² − 2P)_ij|.</param>
public sealed record DensityDeviations(bool[] Finite, double[] Hermiticity, System.Numerics.Complex[] Trace, double[] TraceError, double[] Idempotency)
{
    /// <summary>Measures every member.</summary>
    /// <param name="densities">[N, N] or [B, N, N] complex128, orthonormal basis, our convention (Tr = N_e); any device.</param>
    /// <param name="electronCount">The expected trace N_e.</param>
    public static DensityDeviations Measure(Tensor densities, int electronCount)
    {
        using var scope = torch.NewDisposeScope();
        var p = densities.detach().to(ScalarType.ComplexFloat64);
        if (p.dim() == 2) p = p.unsqueeze(0);
        if (p.dim() != 3 || p.shape[1] != p.shape[2])
            throw new ArgumentException($"expected [N, N] or [B, N, N], got [{string.Join(", ", densities.shape)}]", nameof(densities));
        var finite = p.isfinite().flatten(1).all(1);
        var hermiticity = (p - p.mH).abs().amax(new long[] { 1, 2 });
        var trace = p.diagonal(dim1: 1, dim2: 2).sum(1);
        var traceError = (trace - electronCount).abs();
        var idempotency = (p.matmul(p) - 2 * p).abs().amax(new long[] { 1, 2 });
        return new DensityDeviations(
            finite.cpu().data<bool>().ToArray(),
            Nan(finite, hermiticity),
            trace.cpu().data<System.Numerics.Complex>().ToArray(),
            Nan(finite, traceError),
            Nan(finite, idempotency));
    }

    private static double[] Nan(Tensor finite, Tensor values) =>
        torch.where(finite, values, double.NaN).cpu().data<double>().ToArray();
}
