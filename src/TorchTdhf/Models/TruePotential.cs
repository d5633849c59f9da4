using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// The exact Hartree–Fock two-electron potential from electron-repulsion integrals in the orthonormal basis:
/// G(P)_ij = Σ_kl [(ij|kl) − ½ (ik|jl)] P_kl for densities normalised to Tr P = N_electrons.
/// </summary>
/// <remarks>
/// The bracket is folded once into a real N²×N² matrix K, so a batch costs one (2B × N²)·(N² × N²) product: real
/// and imaginary parts are stacked because real matrix products are several times faster than complex ones and K
/// is real. Every step is an ordinary tensor operation, so gradients flow through <see cref="Apply"/>.
/// </remarks>
public sealed class TruePotential : ITwoElectronPotential, IDisposable
{
    // Kᵀ, so that flattened densities [B, N²] multiply it from the left.
    private readonly Tensor _kernelTransposed;

    /// <summary>Folds the integrals into the potential's matrix; <paramref name="eri"/> is copied, not kept.</summary>
    /// <param name="eri">(ij|kl): [N, N, N, N] float64, orthonormal basis, chemists' notation.</param>
    public TruePotential(Tensor eri)
    {
        if (eri.dtype != ScalarType.Float64) throw new ArgumentException($"the integrals must be float64, not {eri.dtype}", nameof(eri));
        if (eri.dim() != 4 || eri.shape.Any(s => s != eri.shape[0]))
            throw new ArgumentException($"the integrals must have shape [N, N, N, N], not [{string.Join(", ", eri.shape)}]", nameof(eri));
        BasisSize = (int)eri.shape[0];
        var n2 = (long)BasisSize * BasisSize;
        using var scope = torch.NewDisposeScope();
        var source = eri.detach();
        var coulomb = source.reshape(n2, n2);
        // (ik|jl) placed at [i, j, k, l]: the exchange integrals in the same [ij, kl] layout as the Coulomb ones.
        var exchange = source.permute(0, 2, 1, 3).reshape(n2, n2);
        _kernelTransposed = (coulomb - 0.5 * exchange).mT.contiguous().DetachFromDisposeScope();
    }

    /// <inheritdoc />
    public int BasisSize { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor density)
    {
        DensityArguments.RequireBatch(density, BasisSize, nameof(density));
        var batch = density.shape[0];
        var n2 = (long)BasisSize * BasisSize;
        using var scope = torch.NewDisposeScope();
        // [B, N, N] complex → [2B, N²] real: all real parts, then all imaginary parts (one copy, no complex product).
        var stacked = torch.view_as_real(density.resolve_conj()).reshape(batch, n2, 2).permute(2, 0, 1).reshape(2 * batch, n2);
        var product = stacked.matmul(_kernelTransposed);
        var result = torch.complex(product.narrow(0, 0, batch), product.narrow(0, batch, batch)).reshape(batch, BasisSize, BasisSize);
        return result.MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose() => _kernelTransposed.Dispose();
}
