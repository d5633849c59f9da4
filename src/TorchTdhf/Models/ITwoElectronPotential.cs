using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// The seam between dynamics and models: the two-electron part G(P) of the Fock matrix for a batch of densities
/// in the orthonormal basis. The true potential built from integrals and every learned model implement it, so the
/// same propagators, metrics and reports serve all of them.
/// </summary>
/// <remarks>
/// Densities are normalised to the number of electrons throughout TorchTdhf: a closed-shell density has
/// Tr P = N_electrons and P² = 2P (each spatial orbital holds two electrons). Implementations must be built from
/// differentiable tensor operations, because the RK4 propagator and the training losses back-propagate through
/// <see cref="Apply"/>.
/// </remarks>
public interface ITwoElectronPotential
{
    /// <summary>N, the size of the orthonormal basis the potential acts in.</summary>
    int BasisSize { get; }

    /// <summary>G(P) for every density of a batch.</summary>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis, Tr P = N_electrons.</param>
    /// <returns>G(P): [B, N, N] complex128, orthonormal basis; a new tensor owned by the caller.</returns>
    Tensor Apply(Tensor density);

    /// <summary>
    /// True when G(P) is Hermitian to the last bit for every P and depends on P only through its Hermitian part
    /// ½(P + P†). The equation then forms [F, P] from one matrix product, FP − (FP)†, which is exact for Hermitian P
    /// and keeps the propagated densities exactly Hermitian. False (the default) makes no such promise.
    /// </summary>
    bool IsExactlyHermitian => false;
}
