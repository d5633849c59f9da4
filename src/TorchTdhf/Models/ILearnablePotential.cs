using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// A two-electron potential with real learnable parameters θ (a TorchSharp module's parameters), linear in θ:
/// G_θ(P) = A(P) θ. <see cref="ITwoElectronPotential.Apply"/> uses the module's current parameters and is
/// differentiable with respect to them (autograd optimizers, rollout training); <see cref="ApplyWith"/> and
/// <see cref="Adjoint"/> are the hand-derived linear map and its adjoint that the matrix-free solvers use.
/// </summary>
/// <remarks>
/// The flat parameter vector θ ∈ ℝ^<see cref="ParameterCount"/> is the concatenation, in <see cref="ParameterNames"/>
/// order, of the module's parameters flattened row-major. Inner products: ⟨u, v⟩ = Σ u_p v_p on θ and
/// ⟨X, Y⟩ = Re Σ conj(X_bij) Y_bij on complex batches, so <see cref="Adjoint"/> satisfies
/// ⟨ApplyWith(v, P), Y⟩ = ⟨v, Adjoint(P, Y)⟩ exactly (up to round-off).
/// </remarks>
public interface ILearnablePotential : ITwoElectronPotential, IDisposable
{
    /// <summary>Which parameterisation this is.</summary>
    ModelKind Kind { get; }

    /// <summary>The module that owns the parameters (for optimizers, state dictionaries and checkpoints).</summary>
    nn.Module Module { get; }

    /// <summary>Names of the module's parameters, in the order they are concatenated into θ.</summary>
    IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Length of θ.</summary>
    long ParameterCount { get; }

    /// <summary>θ: a detached copy of the parameters as one vector, [ParameterCount] float64.</summary>
    Tensor GetParameters();

    /// <summary>Copies <paramref name="theta"/> into the parameters (without recording a gradient).</summary>
    /// <param name="theta">[ParameterCount] float64.</param>
    void SetParameters(Tensor theta);

    /// <summary>G_v(P) for an arbitrary parameter vector: the linear map A(P) applied to v.</summary>
    /// <param name="theta">v: [ParameterCount] float64.</param>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis, Hermitian.</param>
    /// <returns>[B, N, N] complex128, orthonormal basis, Hermitian.</returns>
    Tensor ApplyWith(Tensor theta, Tensor density);

    /// <summary>The adjoint of v ↦ A(P) v summed over the batch: Σ_b A(P_b)ᵀ Y_b.</summary>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis, Hermitian.</param>
    /// <param name="cotangent">Y: [B, N, N] complex128 (any matrix, not necessarily Hermitian).</param>
    /// <returns>[ParameterCount] float64.</returns>
    Tensor Adjoint(Tensor density, Tensor cotangent);
}
