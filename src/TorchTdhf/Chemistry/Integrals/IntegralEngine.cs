namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// Molecular integrals over contracted Cartesian and real-solid-harmonic Gaussians up to f, in the AO order and
/// normalisation of <see cref="AoBasis"/> (every function, each Cartesian component included, has unit
/// self-overlap). Atomic units throughout: bohr, hartree.
/// </summary>
/// <remarks>
/// Obara–Saika recurrences for the one-electron integrals; Head-Gordon–Pople (Obara–Saika vertical recurrence on
/// primitives, horizontal recurrence on contracted quantities) for the electron repulsion integrals.
/// </remarks>
public static class IntegralEngine
{
    /// <summary>Everything the Hamiltonian needs, bundled: S, T, V, position integrals about <see cref="IntegralOptions.DipoleOrigin"/> and (mn|ls).</summary>
    /// <param name="basis">The AO basis (its atoms' charges enter V).</param>
    /// <param name="electronCount">Number of electrons, passed through.</param>
    /// <param name="nuclearRepulsion">Nuclear repulsion energy in hartree, passed through.</param>
    /// <param name="options">Screening, threads, dipole origin; null for the defaults.</param>
    public static AoIntegrals Compute(AoBasis basis, int electronCount, double nuclearRepulsion, IntegralOptions? options = null)
    {
        options ??= IntegralOptions.Default;
        var shells = PreparedShell.All(basis);
        var (overlap, kinetic, position) = OverlapKineticPosition.Compute(shells, basis.FunctionCount, options.DipoleOrigin);
        var potential = NuclearAttractionIntegrals.Compute(shells, basis.FunctionCount, basis.Atoms);
        var eri = ElectronRepulsionTensor.Compute(basis, shells, options).Eri;
        return new AoIntegrals(overlap, kinetic, potential, position, eri, nuclearRepulsion, electronCount);
    }

    /// <summary>Overlap S_mn = ⟨m|n⟩: [N, N], AO, symmetric with unit diagonal.</summary>
    public static double[,] Overlap(AoBasis basis) => OneElectron(basis, default).Overlap;

    /// <summary>Kinetic energy T_mn = ⟨m|−½∇²|n⟩: [N, N], AO, hartree.</summary>
    public static double[,] Kinetic(AoBasis basis) => OneElectron(basis, default).Kinetic;

    /// <summary>Nuclear attraction V_mn = ⟨m|−Σ_A Z_A/|r − R_A||n⟩ for point nuclei Z_A = atomic number: [N, N], AO, hartree; negative definite.</summary>
    public static double[,] NuclearAttraction(AoBasis basis) =>
        NuclearAttractionIntegrals.Compute(PreparedShell.All(basis), basis.FunctionCount, basis.Atoms);

    /// <summary>
    /// Position integrals +⟨m|x − O_x|n⟩, +⟨m|y − O_y|n⟩, +⟨m|z − O_z|n⟩ about <paramref name="origin"/> (bohr; default
    /// the coordinate origin), without the electron's charge: three [N, N] AO matrices, bohr.
    /// </summary>
    public static IReadOnlyList<double[,]> Position(AoBasis basis, (double X, double Y, double Z) origin = default) => OneElectron(basis, origin).Position;

    /// <summary>
    /// Electron repulsion integrals (mn|ls) = ∫∫ φ_m(1) φ_n(1) r₁₂⁻¹ φ_l(2) φ_s(2) in chemists' notation: [N⁴] flat,
    /// row-major, index ((m·N + n)·N + l)·N + s, hartree.
    /// </summary>
    public static double[] ElectronRepulsion(AoBasis basis, IntegralOptions? options = null) => ElectronRepulsionWithStatistics(basis, options).Eri;

    /// <summary>
    /// As <see cref="ElectronRepulsion"/>, with the counts a benchmark reports: unique shell quartets, how many were
    /// computed or screened, AO integrals and primitive quartets evaluated, and the wall time.
    /// </summary>
    public static EriResult ElectronRepulsionWithStatistics(AoBasis basis, IntegralOptions? options = null) =>
        ElectronRepulsionTensor.Compute(basis, PreparedShell.All(basis), options ?? IntegralOptions.Default);

    private static (double[,] Overlap, double[,] Kinetic, double[][,] Position) OneElectron(AoBasis basis, (double X, double Y, double Z) origin) =>
        OverlapKineticPosition.Compute(PreparedShell.All(basis), basis.FunctionCount, origin);
}
