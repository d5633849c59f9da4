using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>The electrons' contribution to the dipole moment, μ_el = −Tr(P r) (atomic units, origin of r).</summary>
public static class Dipole
{
    /// <summary>μ_el,k = −Re Tr(P r_k) for k = x, y, z; add Σ_A Z_A R_A for the total dipole.</summary>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis, Tr P = N_electrons.</param>
    /// <param name="position">r = +⟨i|x, y, z|j⟩: [3, N, N] float64, orthonormal basis (symmetric).</param>
    /// <returns>[B, 3] float64, atomic units (e·bohr).</returns>
    public static Tensor Electronic(Tensor density, Tensor position)
    {
        using var scope = torch.NewDisposeScope();
        var batch = density.shape[0];
        var n2 = density.shape[1] * density.shape[2];
        // Tr(P r) = Σ_ij P_ij r_ji = Σ_ij P_ij r_ij for symmetric r, and only the real part survives for Hermitian P.
        var result = -density.real.reshape(batch, n2).matmul(position.reshape(3, n2).mT);
        return result.MoveToOuterDisposeScope();
    }
}
