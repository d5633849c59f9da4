using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Benchmarks;

/// <summary>Forwards to a potential and counts the densities it was applied to, i.e. the Fock builds per trajectory.</summary>
internal sealed class CountingPotential(ITwoElectronPotential inner) : ITwoElectronPotential
{
    /// <summary>Densities G has been evaluated for since the last <see cref="Reset"/> (Σ of the batch sizes).</summary>
    public long Densities { get; private set; }

    /// <inheritdoc />
    public int BasisSize => inner.BasisSize;

    /// <inheritdoc />
    public bool IsExactlyHermitian => inner.IsExactlyHermitian;

    /// <inheritdoc />
    public Tensor Apply(Tensor density)
    {
        Densities += density.shape[0];
        return inner.Apply(density);
    }

    /// <summary>Starts counting from zero.</summary>
    public void Reset() => Densities = 0;
}
