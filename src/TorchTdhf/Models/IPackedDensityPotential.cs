using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// A learnable potential that factors as G_θ(P) = Unpack(s(P) W_s(θ), a(P) W_a(θ)) (<see cref="HermitianPacking"/>): the
/// density enters only through its packed triangle rows (s | a) and θ only through the two kernels (W_s, W_a). A solver
/// that applies the map and its adjoint to the same densities at every iteration can pack them once, and fold θ into
/// the kernels (and unfold the kernel gradient) once per pass instead of once per chunk.
/// </summary>
/// <remarks>
/// ApplyKernels(Kernels(θ), PackDensities(P)) equals <see cref="ILearnablePotential.ApplyWith"/>(θ, P), and
/// ParameterAdjoint(Σ_chunks KernelAdjoint(PackDensities(P_c), Y_c)) equals Σ_chunks
/// <see cref="ILearnablePotential.Adjoint"/>(P_c, Y_c), up to the order of the additions.
/// </remarks>
public interface IPackedDensityPotential : ILearnablePotential
{
    /// <summary>Real numbers per packed density: N².</summary>
    long PackedDensityLength { get; }

    /// <summary>The packed rows (s | a) of a batch of densities (detached).</summary>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis.</param>
    /// <returns>[B, N²] float64.</returns>
    Tensor PackDensities(Tensor density);

    /// <summary>The kernels of a parameter vector (detached).</summary>
    /// <param name="theta">v: [ParameterCount] float64.</param>
    /// <returns>W_s [Ms, Ms] and W_a [Ma, Ma], float64.</returns>
    (Tensor Symmetric, Tensor Antisymmetric) Kernels(Tensor theta);

    /// <summary>G from kernels and packed densities.</summary>
    /// <param name="symmetricKernel">W_s: [Ms, Ms] float64 from <see cref="Kernels"/>.</param>
    /// <param name="antisymmetricKernel">W_a: [Ma, Ma] float64 from <see cref="Kernels"/>.</param>
    /// <param name="packedDensity">[B, N²] float64 from <see cref="PackDensities"/>.</param>
    /// <returns>[B, N, N] complex128, orthonormal basis, exactly Hermitian.</returns>
    Tensor ApplyKernels(Tensor symmetricKernel, Tensor antisymmetricKernel, Tensor packedDensity);

    /// <summary>The adjoint of the kernels ↦ G map at cotangents Y, summed over the batch.</summary>
    /// <param name="packedDensity">[B, N²] float64 from <see cref="PackDensities"/>.</param>
    /// <param name="cotangent">Y: [B, N, N] complex128, orthonormal basis, any matrices.</param>
    /// <returns>[Ms, Ms] and [Ma, Ma] float64, in the layout of the kernels.</returns>
    (Tensor Symmetric, Tensor Antisymmetric) KernelAdjoint(Tensor packedDensity, Tensor cotangent);

    /// <summary>The adjoint of <see cref="Kernels"/>: a kernel-space gradient as a parameter vector.</summary>
    /// <param name="symmetric">[Ms, Ms] float64.</param>
    /// <param name="antisymmetric">[Ma, Ma] float64.</param>
    /// <returns>[ParameterCount] float64.</returns>
    Tensor ParameterAdjoint(Tensor symmetric, Tensor antisymmetric);
}
