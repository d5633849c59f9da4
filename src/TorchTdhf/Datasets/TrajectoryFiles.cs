namespace TorchTdhf.Datasets;

/// <summary>
/// File names inside a trajectory folder. All arrays are NumPy .npy files (version 1.0, little-endian, C order),
/// readable with <c>numpy.load</c> (memory-mapped if wanted), T samples each:
/// <list type="bullet">
/// <item><c>P.npy</c>: [T, N, N] complex128, orthonormal basis, Tr P = N_e (our convention).</item>
/// <item><c>Pdot.npy</c>: [T, N, N] complex128, dP/dt at the same samples (a.u.⁻¹); optional for readers.</item>
/// <item><c>t.npy</c>: [T] float64, sample times (a.u.).</item>
/// <item><c>field.npy</c>: [T] float64, field amplitude E(t) along the polarisation (a.u.).</item>
/// <item><c>metadata.json</c>: <see cref="TrajectoryMetadata"/>, written last.</item>
/// </list>
/// </summary>
public static class TrajectoryFiles
{
    /// <summary>Densities.</summary>
    public const string Densities = "P.npy";

    /// <summary>Time derivatives of the densities.</summary>
    public const string Derivatives = "Pdot.npy";

    /// <summary>Sample times.</summary>
    public const string Times = "t.npy";

    /// <summary>Field values at the sample times.</summary>
    public const string Field = "field.npy";

    /// <summary>JSON sidecar.</summary>
    public const string Metadata = "metadata.json";
}
