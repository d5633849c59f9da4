using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>Hermitian and anti-Hermitian parts of batched complex matrices, exact in their symmetry.</summary>
/// <remarks>
/// Element (j, i) of X ± X† is computed from the same two numbers as element (i, j), so the symmetry holds to the
/// last bit, which products of Hermitian matrices only give to round-off.
/// </remarks>
internal static class Hermitian
{
    /// <summary>X − X†: [..., N, N] complex128, exactly anti-Hermitian.</summary>
    /// <param name="matrices">X: [..., N, N] complex128.</param>
    public static Tensor MinusAdjoint(Tensor matrices) => matrices - matrices.mH;

    /// <summary>½(X + X†): [..., N, N] complex128, exactly Hermitian.</summary>
    /// <param name="matrices">X: [..., N, N] complex128.</param>
    public static Tensor Part(Tensor matrices) => (matrices + matrices.mH).mul_(0.5);
}
