using static TorchSharp.torch;

namespace TorchTdhf.Training;

/// <summary>
/// A real linear map A from a domain to a range of real vector spaces, known only by its action and the action of
/// its adjoint, for matrix-free solvers such as <see cref="Lsmr"/>.
/// </summary>
/// <remarks>
/// Vectors are tensors of any fixed shape. A complex128 tensor is the real vector of its real and imaginary parts
/// (<c>view_as_real</c>), with the inner product ⟨X, Y⟩ = Re Σ conj(X) Y; a float64 tensor is itself. The adjoint is
/// with respect to these inner products: ⟨A x, y⟩ = ⟨x, Aᵀ y⟩.
/// </remarks>
public interface ILinearOperator
{
    /// <summary>A x.</summary>
    /// <param name="x">A domain vector.</param>
    /// <returns>A new range vector owned by the caller.</returns>
    Tensor Apply(Tensor x);

    /// <summary>Aᵀ y.</summary>
    /// <param name="y">A range vector.</param>
    /// <returns>A new domain vector owned by the caller.</returns>
    Tensor ApplyAdjoint(Tensor y);
}
