using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics.InitialConditions;

/// <summary>
/// Seeded ensembles of random closed-shell densities around a base density, the learningTDHF paper's "random
/// initial conditions" with the electron count kept exact. Each member is
/// P_b = <see cref="IdempotentProjection.Nearest"/>(P0 + A·(Z_b + Z_bᴴ)/2), where Z_b has independent standard
/// complex Gaussian entries (real and imaginary parts each N(0, 1)) and A = factor × mean_ij |P0_ij|.
/// </summary>
/// <remarks>
/// The noise is drawn on the CPU from a torch generator seeded with the seed, all members at once (real parts of
/// every member, then imaginary parts), so one seed and count give the same bytes on the same machine whatever
/// the base density's device. Because A scales with |P0|, the noise-to-signal ratio is the same whether P0 uses our
/// normalisation (Tr = N_e) or the paper's (Tr = N_e/2).
/// </remarks>
public static class RandomIdempotentEnsemble
{
    /// <summary>Draws the ensemble described by <paramref name="spec"/> (its <c>Member</c> is ignored: index the result).</summary>
    /// <param name="baseDensity">P0: [N, N] complex128 (float64 accepted), Hermitian, orthonormal basis; any device.</param>
    /// <param name="electronCount">Electrons N_e (even); every member has Tr P = N_e.</param>
    /// <param name="spec">Factor, seed and count.</param>
    /// <returns>[Count, N, N] complex128 on the base density's device, orthonormal basis: Hermitian, Tr = N_e, P² = 2P.</returns>
    public static Tensor Generate(Tensor baseDensity, int electronCount, RandomEnsembleSpec spec) =>
        Generate(baseDensity, electronCount, spec.Factor, spec.Seed, spec.Count);

    /// <summary>Draws <paramref name="count"/> random closed-shell densities around <paramref name="baseDensity"/>.</summary>
    /// <param name="baseDensity">P0: [N, N] complex128 (float64 accepted), Hermitian, orthonormal basis; any device.</param>
    /// <param name="electronCount">Electrons N_e (even); every member has Tr P = N_e.</param>
    /// <param name="factor">Noise amplitude relative to mean |P0_ij|; finite and non-negative (the paper used 10).</param>
    /// <param name="seed">Seed of the torch generator; non-negative.</param>
    /// <param name="count">Number of members B; positive.</param>
    /// <returns>[B, N, N] complex128 on the base density's device, orthonormal basis: Hermitian, Tr = N_e, P² = 2P.</returns>
    /// <exception cref="TdhfInputException">An argument is out of range (the message names the option).</exception>
    public static Tensor Generate(Tensor baseDensity, int electronCount, double factor, long seed, int count)
    {
        if (baseDensity.dim() != 2 || baseDensity.shape[0] != baseDensity.shape[1])
            throw new TdhfInputException($"base density must be [N, N], got [{string.Join(", ", baseDensity.shape)}]", key: "base");
        if (!double.IsFinite(factor) || factor < 0) throw new TdhfInputException($"noise factor must be finite and non-negative, got {factor}", key: "factor");
        if (seed < 0) throw new TdhfInputException($"seed must be non-negative, got {seed}", key: "seed");
        if (count <= 0) throw new TdhfInputException($"ensemble size must be positive, got {count}", key: "count");

        using var scope = torch.NewDisposeScope();
        var p0 = baseDensity.detach().to(ScalarType.ComplexFloat64);
        if (!p0.isfinite().all().item<bool>()) throw new TdhfInputException("base density has non-finite entries", key: "base");
        var n = p0.shape[0];
        var amplitude = factor * p0.abs().mean().item<double>();

        using var generator = new torch.Generator((ulong)seed);
        var shape = new[] { (long)count, n, n };
        var real = torch.randn(shape, ScalarType.Float64, generator: generator);
        var imaginary = torch.randn(shape, ScalarType.Float64, generator: generator);
        var noise = torch.complex(real, imaginary).to(p0.device);
        var hermitianNoise = (noise + noise.mH).mul(0.5 * amplitude);
        var noisy = p0.unsqueeze(0) + hermitianNoise;
        return IdempotentProjection.Nearest(noisy, electronCount).MoveToOuterDisposeScope();
    }
}
