namespace TorchTdhf.Dynamics.InitialConditions;

/// <summary>How a density file normalises its matrices; converted to ours on import.</summary>
public enum DensityConvention
{
    /// <summary>
    /// TorchTdhf's: orthonormal basis, Tr P = N_electrons, P² = 2P, evolving as i dP/dt = [F, P]. Imported unchanged.
    /// </summary>
    Ours,

    /// <summary>
    /// The learningTDHF paper's (Bhat, Gupta, Isborn 2024): Tr P = N_electrons / 2, P² = P, and complex conjugated
    /// because their propagator evolves dP/dt = +i[F, P]. Imported as P = 2·conj(P_paper).
    /// </summary>
    Paper,
}
