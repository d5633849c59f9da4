using static TorchSharp.torch;

namespace TorchTdhf.Datasets;

/// <summary>A stored trajectory loaded into memory (CPU tensors, owned: dispose the trajectory to free them).</summary>
public sealed class Trajectory : IDisposable
{
    internal Trajectory(string folder, TrajectoryMetadata metadata, Tensor densities, Tensor derivatives, Tensor times, Tensor field, bool derivativesEstimated)
    {
        Folder = folder;
        Metadata = metadata;
        Densities = densities;
        Derivatives = derivatives;
        Times = times;
        Field = field;
        DerivativesEstimated = derivativesEstimated;
    }

    /// <summary>The trajectory folder it was read from.</summary>
    public string Folder { get; }

    /// <summary>The sidecar metadata.</summary>
    public TrajectoryMetadata Metadata { get; }

    /// <summary>P: [T, N, N] complex128, orthonormal basis, Tr P = N_e.</summary>
    public Tensor Densities { get; }

    /// <summary>Ṗ = dP/dt: [T, N, N] complex128, orthonormal basis, a.u.</summary>
    public Tensor Derivatives { get; }

    /// <summary>Sample times: [T] float64, a.u.</summary>
    public Tensor Times { get; }

    /// <summary>Field amplitude E(t) along the polarisation at the sample times: [T] float64, a.u.</summary>
    public Tensor Field { get; }

    /// <summary>
    /// True when the folder had no <c>Pdot.npy</c> and <see cref="Derivatives"/> were estimated from the stored
    /// samples (fourth-order differences with the sample spacing, so less accurate than fine-grid ones by
    /// about stride⁴).
    /// </summary>
    public bool DerivativesEstimated { get; }

    /// <summary>Samples T.</summary>
    public long SampleCount => Times.shape[0];

    /// <inheritdoc />
    public void Dispose()
    {
        Densities.Dispose();
        Derivatives.Dispose();
        Times.Dispose();
        Field.Dispose();
    }
}
