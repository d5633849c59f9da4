using System.Text.Json.Serialization;
using TorchSharp;
using TorchTdhf.Models;
using TorchTdhf.Training;
using static TorchSharp.torch;

namespace TorchTdhf.Evaluation;

/// <summary>
/// The derivative-matching residual of a model on stored samples, r_t = iṖ_t − [F_θ(P_t), P_t] with
/// F_θ = H_core + G_θ(P) + E(t)(n·r), computed as r_t = b_t − [G_θ(P_t), P_t] from the targets b of a
/// <see cref="TrainingSet"/> so that training and evaluation share one definition.
/// </summary>
/// <param name="SumSquared">Σ_t ‖r_t‖²_F over all samples, hartree² (the training loss's form).</param>
/// <param name="MaxAbs">max over samples and entries of |r_t,ij| (L∞), hartree.</param>
/// <param name="SampleCount">Samples S the sums run over.</param>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record CommutatorError(double SumSquared, double MaxAbs, long SampleCount)
{
    /// <summary>Σ_t ‖r_t‖²_F / S, hartree²; 0 for no samples.</summary>
    public double MeanSquared => SampleCount == 0 ? 0 : SumSquared / SampleCount;

    /// <summary>r = b − [G_θ(P), P] for a batch of samples.</summary>
    /// <param name="model">G_θ.</param>
    /// <param name="densities">P: [S, N, N] complex128, orthonormal basis.</param>
    /// <param name="targets">b = iṖ − [H_core + E(t)(n·r), P]: [S, N, N] complex128, orthonormal basis.</param>
    /// <returns>r: [S, N, N] complex128, orthonormal basis, hartree.</returns>
    public static Tensor Residual(ITwoElectronPotential model, Tensor densities, Tensor targets)
    {
        using var scope = torch.NewDisposeScope();
        var potential = model.Apply(densities);
        var commutator = potential.matmul(densities) - densities.matmul(potential);
        return (targets - commutator).MoveToOuterDisposeScope();
    }

    /// <summary>The residual's squared sum and maximum over every sample of <paramref name="samples"/>, in chunks.</summary>
    /// <param name="model">G_θ, acting in the samples' orthonormal basis.</param>
    /// <param name="samples">Densities and targets.</param>
    /// <param name="chunkSize">Samples evaluated together (bounds the memory of G_θ's batch).</param>
    public static CommutatorError Compute(ITwoElectronPotential model, TrainingSet samples, int chunkSize = 512)
    {
        if (chunkSize < 1) throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "the chunk size must be positive");
        double sum = 0, max = 0;
        for (long start = 0; start < samples.Count; start += chunkSize)
        {
            using var scope = torch.NewDisposeScope();
            var (densities, targets) = samples.Chunk(start, Math.Min(chunkSize, samples.Count - start));
            using var _ = torch.no_grad();
            var magnitude = Residual(model, densities, targets).abs();
            var parts = torch.stack(new[] { magnitude.square().sum(), magnitude.max() }).data<double>().ToArray();
            sum += parts[0];
            max = double.IsNaN(parts[1]) || double.IsNaN(max) ? double.NaN : Math.Max(max, parts[1]);
        }
        return new CommutatorError(sum, max, samples.Count);
    }
}
