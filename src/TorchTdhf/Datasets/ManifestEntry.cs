namespace TorchTdhf.Datasets;

/// <summary>One trajectory in <c>manifest.json</c>: where it is, what it is for and a summary of its metadata.</summary>
public sealed record ManifestEntry
{
    /// <summary>Member id.</summary>
    public required string Id { get; init; }

    /// <summary>The trajectory folder, relative to the dataset folder.</summary>
    public required string Path { get; init; }

    /// <summary>What it is for, e.g. <c>train</c>, <c>ensemble</c>, <c>test-field-free</c>, <c>test-field-on</c>.</summary>
    public required string Role { get; init; }

    /// <summary><see cref="TrajectorySpec.Hash"/> of the spec it was written with.</summary>
    public required string SpecHash { get; init; }

    /// <summary>False when it stopped early (blow-up); its samples are valid but fewer.</summary>
    public required bool Completed { get; init; }

    /// <summary>Samples T stored.</summary>
    public required long SampleCount { get; init; }

    /// <summary>Basis size N.</summary>
    public required int BasisSize { get; init; }

    /// <summary>Electron count N_e.</summary>
    public required int ElectronCount { get; init; }

    /// <summary>Fine time step (a.u.).</summary>
    public required double Dt { get; init; }

    /// <summary>Fine steps between samples.</summary>
    public required int Stride { get; init; }

    /// <summary>Fine steps of the full propagation.</summary>
    public required long Steps { get; init; }

    /// <summary>System fingerprint.</summary>
    public required string SystemFingerprint { get; init; }

    /// <summary>Integrator name.</summary>
    public required string Integrator { get; init; }

    /// <summary>Kind of initial condition: <c>ground</c>, <c>kick</c>, <c>random</c> or <c>file</c>.</summary>
    public required string InitialCondition { get; init; }

    /// <summary>The summary of a trajectory's metadata.</summary>
    public static ManifestEntry From(TrajectoryMetadata metadata) => new()
    {
        Id = metadata.Id,
        Path = metadata.Id,
        Role = metadata.Role,
        SpecHash = metadata.SpecHash,
        Completed = metadata.Completed,
        SampleCount = metadata.SampleCount,
        BasisSize = metadata.Spec.BasisSize,
        ElectronCount = metadata.Spec.ElectronCount,
        Dt = metadata.Spec.Dt,
        Stride = metadata.Spec.Stride,
        Steps = metadata.Spec.Steps,
        SystemFingerprint = metadata.Spec.SystemFingerprint,
        Integrator = metadata.Spec.Integrator,
        InitialCondition = metadata.Spec.InitialCondition.Kind,
    };
}
