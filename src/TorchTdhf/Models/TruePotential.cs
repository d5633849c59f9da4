using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// The exact Hartree–Fock two-electron potential from electron-repulsion integrals in the orthonormal basis:
/// G(P)_ij = Σ_kl [(ij|kl) − ½ (ik|jl)] P_kl for densities normalised to Tr P = N_electrons.
/// </summary>
/// <remarks>
/// <para>G is evaluated on the Hermitian part ½(P + P†) of its argument, which is P itself for every density, and the
/// result is exactly Hermitian (see <see cref="ITwoElectronPotential.IsExactlyHermitian"/>).</para>
/// <para>Hermiticity is what makes this fast. The real part of a Hermitian P is symmetric and its imaginary part
/// antisymmetric, and G maps them to the symmetric real and antisymmetric imaginary parts of G(P). So only the
/// N(N+1)/2 pairs k ≤ l of Re P and the N(N−1)/2 pairs k &lt; l of Im P enter, only as many elements of G are
/// computed, and the bracket folds into two real matrices of those orders (<see cref="HermitianKernels"/>): a batch
/// costs two real products (B × N(N+1)/2)·(N(N+1)/2)² and (B × N(N−1)/2)·(N(N−1)/2)², a quarter of the dense
/// (2B × N²)·(N² × N²) product. Packing and unpacking are gathers, so gradients flow through <see cref="Apply"/>.</para>
/// </remarks>
public sealed class TruePotential : ITwoElectronPotential, IDisposable
{
    private readonly HermitianKernels _kernels;

    /// <summary>Folds the integrals into the potential's matrices; <paramref name="eri"/> is copied, not kept.</summary>
    /// <param name="eri">(ij|kl): [N, N, N, N] float64, orthonormal basis, chemists' notation.</param>
    public TruePotential(Tensor eri)
    {
        using var kernel = HartreeFockBracket.Kernel(eri, nameof(eri));
        BasisSize = (int)eri.shape[0];
        _kernels = new HermitianKernels(kernel, BasisSize);
    }

    /// <inheritdoc />
    public int BasisSize { get; }

    /// <inheritdoc />
    public bool IsExactlyHermitian => true;

    /// <summary>
    /// Real floating-point operations of <see cref="Apply"/> per density of the batch: 2·[N(N+1)/2]² + 2·[N(N−1)/2]²
    /// for the two matrix products (≈ N⁴); the gathers and additions, O(N²), are not counted.
    /// </summary>
    public long FlopsPerDensity => _kernels.FlopsPerDensity;

    /// <inheritdoc />
    public Tensor Apply(Tensor density)
    {
        DensityArguments.RequireBatch(density, BasisSize, nameof(density));
        return _kernels.Apply(density);
    }

    /// <inheritdoc />
    public void Dispose() => _kernels.Dispose();
}
