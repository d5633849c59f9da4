using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Evaluation;

/// <summary>
/// The parameterisation-free error of a potential: max over densities and entries of |G_θ(P) − G_true(P)|, which
/// compares any two <see cref="ITwoElectronPotential"/>s on the densities that matter (e.g. a test trajectory's).
/// </summary>
public static class PotentialError
{
    /// <summary>max_{t,ij} |G_model(P_t)_ij − G_true(P_t)_ij|, hartree, evaluated in chunks.</summary>
    /// <param name="model">G_θ.</param>
    /// <param name="truth">G_true, e.g. <see cref="TruePotential"/>.</param>
    /// <param name="densities">P: [S, N, N] complex128, orthonormal basis.</param>
    /// <param name="chunkSize">Densities evaluated together.</param>
    /// <returns>The maximum (NaN when a model produces NaN; 0 for no densities).</returns>
    public static double MaxAbs(ITwoElectronPotential model, ITwoElectronPotential truth, Tensor densities, int chunkSize = 512)
    {
        if (chunkSize < 1) throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "the chunk size must be positive");
        if (model.BasisSize != truth.BasisSize)
            throw new ArgumentException($"the model acts on {model.BasisSize} orbitals, the true potential on {truth.BasisSize}", nameof(model));
        var count = densities.shape[0];
        double max = 0;
        for (long start = 0; start < count; start += chunkSize)
        {
            using var scope = torch.NewDisposeScope();
            using var _ = torch.no_grad();
            var chunk = densities.narrow(0, start, Math.Min(chunkSize, count - start));
            var worst = (model.Apply(chunk) - truth.Apply(chunk)).abs().max().item<double>();
            max = double.IsNaN(worst) || double.IsNaN(max) ? double.NaN : Math.Max(max, worst);
        }
        return max;
    }
}
