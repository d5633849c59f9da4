using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>The kernel of the true potential, K[ij, kl] = (ij|kl) − ½(ik|jl), from orthonormal-basis integrals.</summary>
internal static class HartreeFockBracket
{
    /// <summary>K as a matrix, so that G(P)_ij = Σ_kl K[ij, kl] P_kl.</summary>
    /// <param name="eri">(ij|kl): [N, N, N, N] float64, orthonormal basis, chemists' notation.</param>
    /// <param name="parameterName">The caller's name for <paramref name="eri"/>, for error messages.</param>
    /// <returns>[N², N²] float64, rows ij and columns kl flattened row-major.</returns>
    public static Tensor Kernel(Tensor eri, string parameterName)
    {
        if (eri.dtype != ScalarType.Float64) throw new ArgumentException($"the integrals must be float64, not {eri.dtype}", parameterName);
        if (eri.dim() != 4 || eri.shape.Any(s => s != eri.shape[0]))
            throw new ArgumentException($"the integrals must have shape [N, N, N, N], not [{string.Join(", ", eri.shape)}]", parameterName);
        var n2 = eri.shape[0] * eri.shape[0];
        using var scope = torch.NewDisposeScope();
        var source = eri.detach();
        // (ik|jl) placed at [i, j, k, l]: the exchange integrals in the same [ij, kl] layout as the Coulomb ones.
        var kernel = source.reshape(n2, n2) - 0.5 * source.permute(0, 2, 1, 3).reshape(n2, n2);
        return kernel.MoveToOuterDisposeScope();
    }
}
