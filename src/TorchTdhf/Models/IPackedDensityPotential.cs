using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// A learnable potential whose linear map reads each density only through a fixed real packing of it (for the Tied,
/// Herm and Symm models the triangle rows of <see cref="HermitianPacking"/>), so a solver that applies the map and its
/// adjoint to the same densities at every iteration can pack them once.
/// </summary>
/// <remarks>
/// <c>ApplyWithPacked(θ, PackDensities(P))</c> equals <see cref="ILearnablePotential.ApplyWith"/>(θ, P) and
/// <c>AdjointPacked(PackDensities(P), Y)</c> equals <see cref="ILearnablePotential.Adjoint"/>(P, Y), to the last bit.
/// </remarks>
public interface IPackedDensityPotential : ILearnablePotential
{
    /// <summary>Real numbers per packed density (N² for the triangle rows).</summary>
    long PackedDensityLength { get; }

    /// <summary>The packed form of a batch of densities (detached).</summary>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis.</param>
    /// <returns>[B, <see cref="PackedDensityLength"/>] float64.</returns>
    Tensor PackDensities(Tensor density);

    /// <summary>G_v(P) from packed densities.</summary>
    /// <param name="theta">v: [ParameterCount] float64.</param>
    /// <param name="packedDensity">[B, PackedDensityLength] float64 from <see cref="PackDensities"/>.</param>
    /// <returns>[B, N, N] complex128, orthonormal basis.</returns>
    Tensor ApplyWithPacked(Tensor theta, Tensor packedDensity);

    /// <summary>A(P)ᵀ Y summed over the batch, from packed densities.</summary>
    /// <param name="packedDensity">[B, PackedDensityLength] float64 from <see cref="PackDensities"/>.</param>
    /// <param name="cotangent">Y: [B, N, N] complex128, orthonormal basis, any matrices.</param>
    /// <returns>[ParameterCount] float64.</returns>
    Tensor AdjointPacked(Tensor packedDensity, Tensor cotangent);
}
