using System.Numerics;

namespace TorchTdhf.Reporting;

/// <summary>A density-matrix trajectory as plain arrays, ready for plotting.</summary>
/// <param name="Name">Legend text, e.g. "true" or a model name.</param>
/// <param name="Times">Times in atomic units, length T.</param>
/// <param name="Elements">Densities P(t) [T, N, N] complex128 in C order (orthonormal basis), as a .npy file holds them.</param>
/// <param name="BasisSize">N.</param>
public sealed record DensityTrajectory(string Name, double[] Times, Complex[] Elements, int BasisSize)
{
    /// <summary>Number of time points T.</summary>
    public int Steps => Times.Length;

    /// <summary>Throws when the element count is not T·N·N.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BasisSize, 1);
        if (Elements.LongLength != (long)Steps * BasisSize * BasisSize)
            throw new ArgumentException(
                $"trajectory '{Name}' has {Elements.LongLength} elements, expected T·N·N = {Steps}·{BasisSize}·{BasisSize}");
    }

    /// <summary>P_ij(t) for all T times; <paramref name="row"/> and <paramref name="column"/> are 0-based.</summary>
    public Complex[] Element(int row, int column)
    {
        Validate();
        if ((uint)row >= BasisSize || (uint)column >= BasisSize)
            throw new ArgumentOutOfRangeException(nameof(row), $"element ({row}, {column}) is outside a {BasisSize}×{BasisSize} density");
        var values = new Complex[Steps];
        for (var t = 0; t < Steps; t++) values[t] = Elements[((long)t * BasisSize + row) * BasisSize + column];
        return values;
    }
}
