using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>Argument checks for packed densities (<see cref="IPackedDensityPotential"/>).</summary>
internal static class PackedDensityArguments
{
    /// <summary>Throws unless <paramref name="packed"/> is [B, length] float64 with B ≥ 1.</summary>
    public static void Require(Tensor packed, long length, string parameterName)
    {
        if (packed.dtype != ScalarType.Float64 || packed.dim() != 2 || packed.shape[0] < 1 || packed.shape[1] != length)
            throw new ArgumentException($"packed densities must be [B, {length}] float64, not [{string.Join(", ", packed.shape)}] {packed.dtype}", parameterName);
    }

    /// <summary>Throws unless the cotangent has one matrix per packed density.</summary>
    public static void RequireSameBatch(Tensor packed, Tensor cotangent)
    {
        if (cotangent.shape[0] != packed.shape[0])
            throw new ArgumentException($"the cotangent batch ({cotangent.shape[0]}) differs from the density batch ({packed.shape[0]})", nameof(cotangent));
    }
}
