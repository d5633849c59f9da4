namespace TorchTdhf.Chemistry;

/// <summary>How <see cref="AoIntegralsFile"/> reads an integrals archive.</summary>
public sealed record AoIntegralsFileOptions
{
    /// <summary>
    /// True for archives in the learningTDHF (paper) convention, whose <c>p0_orthonormal</c> has Tr = N_electrons / 2
    /// and is the complex conjugate of a density obeying i dP/dt = [F, P]: it is converted to ours as 2·conj(p0).
    /// False: <c>p0_orthonormal</c> already has Tr = N_electrons (as <see cref="AoIntegralsFile.Write"/> stores it).
    /// </summary>
    public bool PaperConvention { get; init; }

    /// <summary>Largest allowed |P − P†| element and |Tr P − N_electrons| of the (converted) <c>p0_orthonormal</c>.</summary>
    /// <remarks>The paper's densities carry about six significant digits (traces off by up to 1e-5 after doubling).</remarks>
    public double DensityTolerance { get; init; } = 1e-4;

    /// <summary>Largest allowed |XᵀSX − 1| element of a stored <c>x</c>.</summary>
    public double OrthonormalityTolerance { get; init; } = 1e-8;

    /// <summary>Largest allowed |A_ij − A_ji| of the one-electron matrices, relative to their largest element (at least 1).</summary>
    public double SymmetryTolerance { get; init; } = 1e-8;

    /// <summary>
    /// For <see cref="AoIntegralsFile.ReadSystem"/>: true makes the file's <c>p0_orthonormal</c> (when present) the system's
    /// <see cref="MolecularSystem.GroundStateDensity"/>; false uses the RHF ground state.
    /// </summary>
    public bool UseFileDensity { get; init; }
}
