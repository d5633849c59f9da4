using System.Text.Json.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Evaluation;

/// <summary>
/// How far propagated densities stray from the closed-shell constraints Tr P = N_e, P = P† and P² = 2P: the worst
/// value of each deviation over the samples seen. Exact dynamics keeps all three at zero; a unitary integrator keeps
/// them at round-off, so growth signals a non-Hermitian model or a non-unitary scheme.
/// </summary>
/// <param name="Trace">max |Tr P − N_e| (electrons), dimensionless.</param>
/// <param name="Hermiticity">max over entries of |P − P†|, dimensionless.</param>
/// <param name="Idempotency">max ‖P² − 2P‖_F (Frobenius norm), dimensionless.</param>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record InvariantDrift(double Trace, double Hermiticity, double Idempotency)
{
    /// <summary>No drift (the start of a running maximum).</summary>
    public static InvariantDrift None { get; } = new(0, 0, 0);

    /// <summary>The worse of two drifts, component by component (NaN counts as worst).</summary>
    /// <param name="other">Another drift.</param>
    public InvariantDrift Max(InvariantDrift other) =>
        new(Worst(Trace, other.Trace), Worst(Hermiticity, other.Hermiticity), Worst(Idempotency, other.Idempotency));

    /// <summary>
    /// The three deviations of every density of a batch, as tensors, so callers can fetch them together with other
    /// per-sample numbers in one transfer.
    /// </summary>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis.</param>
    /// <param name="electronCount">N_e.</param>
    /// <returns>[B, 3] float64: |Tr P − N_e|, max |P − P†|, ‖P² − 2P‖_F per density.</returns>
    public static Tensor Deviations(Tensor density, int electronCount)
    {
        using var scope = torch.NewDisposeScope();
        var trace = (density.diagonal(0, -2, -1).sum(-1) - electronCount).abs();
        var hermiticity = (density - density.mH).abs().amax(new long[] { -2, -1 });
        var idempotency = torch.linalg.matrix_norm(density.matmul(density) - 2 * density);
        return torch.stack(new[] { trace, hermiticity, idempotency }, 1).MoveToOuterDisposeScope();
    }

    /// <summary>The worst deviations over a batch of densities.</summary>
    /// <inheritdoc cref="Deviations" path="/param"/>
    public static InvariantDrift Measure(Tensor density, int electronCount)
    {
        using var scope = torch.NewDisposeScope();
        var worst = Deviations(density, electronCount).amax(0).data<double>().ToArray();
        return new InvariantDrift(worst[0], worst[1], worst[2]);
    }

    private static double Worst(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? double.NaN : Math.Max(a, b);
}
