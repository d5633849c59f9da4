using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Evaluation;

/// <summary>A deliberately wrong model: another potential times a constant factor.</summary>
internal sealed class ScaledPotential(ITwoElectronPotential inner, double factor) : ITwoElectronPotential
{
    public int BasisSize => inner.BasisSize;

    public Tensor Apply(Tensor density)
    {
        using var g = inner.Apply(density);
        return g * factor;
    }
}
