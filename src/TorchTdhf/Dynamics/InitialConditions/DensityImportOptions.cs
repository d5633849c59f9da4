namespace TorchTdhf.Dynamics.InitialConditions;

/// <summary>
/// What <see cref="DensityFile.Load"/> expects of a density file, and how strictly it checks. Every check runs on
/// the converted densities (our convention: Tr P = N_e, P² = 2P) and compares the largest entry-wise deviation
/// with its tolerance.
/// </summary>
public sealed record DensityImportOptions
{
    /// <summary>Electrons N_e of the system; the trace every density must have after conversion.</summary>
    public required int ElectronCount { get; init; }

    /// <summary>Array name inside an npz archive (e.g. <c>p0_ensemble</c>, <c>p0_orthonormal</c>); null for an npy file.</summary>
    public string? Key { get; init; }

    /// <summary>Expected basis size N, or null to accept any.</summary>
    public int? BasisSize { get; init; }

    /// <summary>The file's normalisation; <see cref="DensityConvention.Paper"/> converts P = 2·conj(P_file).</summary>
    public DensityConvention Convention { get; init; } = DensityConvention.Ours;

    /// <summary>Largest accepted max_ij |P_ij − conj(P_ji)|.</summary>
    public double HermiticityTolerance { get; init; } = 1e-6;

    /// <summary>Largest accepted |Tr P − N_e|. The paper's <c>p0_orthonormal</c> files are off by up to 1e-5 after conversion.</summary>
    public double TraceTolerance { get; init; } = 1e-4;

    /// <summary>Largest accepted max_ij |(P² − 2P)_ij|. The paper's <c>p0_orthonormal</c> files are off by up to 1e-5 after conversion.</summary>
    public double IdempotencyTolerance { get; init; } = 1e-4;

    /// <summary>
    /// Check that Tr P = N_e (default). Switch off only to reproduce the learningTDHF paper's random ensemble
    /// (<c>p0_ensemble</c>), whose members were made by eigenvalue thresholding and mostly hold the wrong number
    /// of electrons; such densities are not states of the system and are recorded as unchecked in the metadata.
    /// </summary>
    public bool CheckTrace { get; init; } = true;
}
