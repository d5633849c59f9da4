using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Training.Autograd;

/// <summary>
/// Derivative matching through autograd: for samples (P_t, b_t) of a <see cref="TrainingSet"/>,
/// L(θ) = (1/B) Σ_t ‖b_t − [G_θ(P_t), P_t]‖²_F over a minibatch of B samples, with G_θ = the model's
/// <see cref="ITwoElectronPotential.Apply"/> at its current parameters.
/// </summary>
/// <remarks>At the true potential the residual is i(Ṗ_data − Ṗ_exact), so the loss floor is the data's derivative error.</remarks>
public sealed class DerivativeMatchingObjective : IMinibatchObjective
{
    private readonly ILearnablePotential _model;
    private readonly TrainingSet _samples;

    /// <summary>The objective of <paramref name="model"/> on <paramref name="samples"/> (neither owned).</summary>
    public DerivativeMatchingObjective(ILearnablePotential model, TrainingSet samples)
    {
        if (model.BasisSize != samples.BasisSize)
            throw new ArgumentException($"the model acts on {model.BasisSize} orbitals, the samples have N = {samples.BasisSize}", nameof(model));
        _model = model;
        _samples = samples;
    }

    /// <inheritdoc />
    public long Count => _samples.Count;

    /// <inheritdoc />
    public Tensor Loss(Tensor items)
    {
        using var scope = torch.NewDisposeScope();
        var density = _samples.Densities.index_select(0, items);
        var target = _samples.Targets.index_select(0, items);
        return Of(_model, density, target).MoveToOuterDisposeScope();
    }

    /// <summary>(1/B) Σ_b ‖b_b − [G_θ(P_b), P_b]‖²_F.</summary>
    /// <param name="model">G_θ.</param>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis.</param>
    /// <param name="target">b: [B, N, N] complex128, orthonormal basis.</param>
    /// <returns>A scalar float64 tensor, differentiable with respect to the model's parameters.</returns>
    public static Tensor Of(ITwoElectronPotential model, Tensor density, Tensor target)
    {
        using var scope = torch.NewDisposeScope();
        var g = model.Apply(density);
        var residual = target - (g.matmul(density) - density.matmul(g));
        return SquaredNorm(residual).div(density.shape[0]).MoveToOuterDisposeScope();
    }

    /// <summary>Σ |X|² over every element of a complex tensor, with a gradient that stays finite at X = 0.</summary>
    internal static Tensor SquaredNorm(Tensor x) => torch.view_as_real(x).square().sum();
}
