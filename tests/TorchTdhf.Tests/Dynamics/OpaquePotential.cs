using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

/// <summary>Hides the exact potential's type, so that an equation built on it keeps to the libtorch path even for small bases.</summary>
internal sealed class OpaquePotential(ITwoElectronPotential inner) : ITwoElectronPotential
{
    public int BasisSize => inner.BasisSize;

    public bool IsExactlyHermitian => inner.IsExactlyHermitian;

    public Tensor Apply(Tensor density) => inner.Apply(density);
}
