using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>Argument checks shared by everything that takes a batch of density matrices.</summary>
internal static class DensityArguments
{
    /// <summary>Throws unless <paramref name="density"/> is [B, n, n] complex128 with B ≥ 1.</summary>
    public static void RequireBatch(Tensor density, int n, string parameterName)
    {
        if (density.dtype != ScalarType.ComplexFloat64)
            throw new ArgumentException($"densities must be complex128, not {density.dtype}", parameterName);
        if (density.dim() != 3 || density.shape[0] < 1 || density.shape[1] != n || density.shape[2] != n)
            throw new ArgumentException($"densities must have shape [B, {n}, {n}], not [{string.Join(", ", density.shape)}]", parameterName);
    }
}
