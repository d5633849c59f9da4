namespace TorchTdhf.Reporting;

/// <summary>A density-matrix element P_ij, 0-based indices in the orthonormal basis.</summary>
/// <param name="Row">i.</param>
/// <param name="Column">j.</param>
public readonly record struct DensityElement(int Row, int Column);

/// <summary>Which parts of a complex element to plot.</summary>
[Flags]
public enum ComplexParts
{
    /// <summary>The real part.</summary>
    Real = 1,

    /// <summary>The imaginary part.</summary>
    Imaginary = 2,

    /// <summary>Real and imaginary parts.</summary>
    Both = Real | Imaginary,
}
