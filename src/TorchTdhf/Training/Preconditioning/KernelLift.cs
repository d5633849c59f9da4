using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Training.Preconditioning;

/// <summary>
/// Between the parameters θ of a model with redundant parameters and its kernels w = L θ (W_s, W_a flattened):
/// when L Lᵀ = D is diagonal, θ = Lᵀ D⁻¹ w is the parameter vector of least norm with those kernels, and
/// ‖θ‖² = wᵀ D⁻¹ w. Used by <see cref="PreconditionedRidge"/> for the Tied and Herm models.
/// </summary>
internal sealed class KernelLift : IDisposable
{
    private KernelLift(Tensor inverseWeights)
    {
        InverseWeights = inverseWeights;
        RootInverseWeights = inverseWeights.sqrt().DetachFromDisposeScope();
    }

    /// <summary>D⁻¹: [Ms² + Ma²] float64.</summary>
    public Tensor InverseWeights { get; }

    /// <summary>D^{-1/2}: [Ms² + Ma²] float64.</summary>
    public Tensor RootInverseWeights { get; }

    /// <summary>D = L Lᵀ of <paramref name="model"/>, after checking on a random kernel that it is diagonal and that
    /// every kernel entry has parameters.</summary>
    /// <exception cref="NotSupportedException">L Lᵀ is not diagonal, or L is not onto.</exception>
    public static KernelLift For(IPackedDensityPotential model)
    {
        using var scope = torch.NewDisposeScope();
        var d = KernelGram.Dimension(model.BasisSize);
        Tensor LiftedBack(Tensor kernels) => KernelsOf(model, Fold(model, kernels));
        var diagonal = LiftedBack(torch.ones(d, ScalarType.Float64));
        var probe = FlatParameters.Normal(d, seed: 20240917, scale: 1.0);
        var mismatch = (LiftedBack(probe) - diagonal * probe).abs().max().item<double>();
        if (mismatch > 1e-12 * diagonal.abs().max().item<double>() || diagonal.min().item<double>() <= 0)
            throw new NotSupportedException($"the {model.Kind.Name()} model's parameter-to-kernel map L is not onto with a diagonal L Lᵀ (departure {mismatch:E2}); it cannot be preconditioned in kernel space");
        return new KernelLift(diagonal.reciprocal().DetachFromDisposeScope());
    }

    /// <summary>Lᵀ D⁻¹ w.</summary>
    /// <param name="model">The model.</param>
    /// <param name="kernels">w: [Ms² + Ma²] float64.</param>
    /// <returns>θ: [ParameterCount] float64.</returns>
    public Tensor ParametersOf(IPackedDensityPotential model, Tensor kernels)
    {
        using var scope = torch.NewDisposeScope();
        return Fold(model, kernels * InverseWeights).MoveToOuterDisposeScope();
    }

    /// <summary>L θ, flattened: W_s row-major, then W_a.</summary>
    /// <param name="model">The model.</param>
    /// <param name="theta">[ParameterCount] float64.</param>
    /// <returns>[Ms² + Ma²] float64.</returns>
    public static Tensor KernelsOf(IPackedDensityPotential model, Tensor theta)
    {
        using var scope = torch.NewDisposeScope();
        var (symmetric, antisymmetric) = model.Kernels(theta);
        return torch.cat(new[] { symmetric.reshape(-1), antisymmetric.reshape(-1) }).MoveToOuterDisposeScope();
    }

    /// <summary>Lᵀ w for flattened kernels w.</summary>
    /// <param name="model">The model.</param>
    /// <param name="kernels">[Ms² + Ma²] float64 (W_s row-major, then W_a).</param>
    /// <returns>[ParameterCount] float64.</returns>
    public static Tensor Fold(IPackedDensityPotential model, Tensor kernels)
    {
        var n = model.BasisSize;
        var ms = n * (n + 1L) / 2;
        var ma = n * (n - 1L) / 2;
        using var scope = torch.NewDisposeScope();
        var symmetric = kernels.narrow(0, 0, ms * ms).reshape(ms, ms);
        var antisymmetric = kernels.narrow(0, ms * ms, ma * ma).reshape(ma, ma);
        return model.ParameterAdjoint(symmetric, antisymmetric).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        InverseWeights.Dispose();
        RootInverseWeights.Dispose();
    }
}
