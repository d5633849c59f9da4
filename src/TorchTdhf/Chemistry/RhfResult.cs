namespace TorchTdhf.Chemistry;

/// <summary>One SCF iteration: the energy of the density it built and how far that density is from convergence.</summary>
/// <param name="Iteration">1-based; iteration k diagonalises the (extrapolated) Fock matrix of iteration k − 1, or of the guess for k = 1.</param>
/// <param name="Energy">Total energy of the new density, E = ½ Tr[P (h + F(P))] + E_nuc, hartree.</param>
/// <param name="EnergyChange">Energy minus the previous iteration's (for k = 1, minus the guess density's), hartree.</param>
/// <param name="DensityChange">Root-mean-square change of the AO density P (Tr PS = N_e) from the previous iteration.</param>
/// <param name="DiisError">Largest |element| of Xᵀ(FPS − SPF)X for the new density, orthonormal basis; zero at self-consistency.</param>
public sealed record RhfIteration(int Iteration, double Energy, double EnergyChange, double DensityChange, double DiisError);

/// <summary>The outcome of a closed-shell SCF (<see cref="Rhf.Solve"/>). All arrays are float64 copies owned by the result.</summary>
public sealed class RhfResult
{
    /// <summary>Bundles a finished run; called by <see cref="Rhf"/>.</summary>
    /// <param name="totalEnergy">E_total, hartree.</param>
    /// <param name="nuclearRepulsion">E_nuc, hartree.</param>
    /// <param name="orbitalEnergies">ε: [M], ascending, hartree.</param>
    /// <param name="moCoefficients">C: [N, M], AO rows, one MO per column, CᵀSC = 1.</param>
    /// <param name="density">P = 2 C_occ C_occᵀ: [N, N], AO, Tr PS = N_e.</param>
    /// <param name="electronCount">N_e.</param>
    /// <param name="basis">The orthonormal basis the SCF worked in.</param>
    /// <param name="history">One entry per iteration.</param>
    /// <param name="converged">Whether the thresholds were met.</param>
    public RhfResult(double totalEnergy, double nuclearRepulsion, double[] orbitalEnergies, double[,] moCoefficients, double[,] density,
        int electronCount, OrthonormalBasis basis, IReadOnlyList<RhfIteration> history, bool converged)
    {
        TotalEnergy = totalEnergy;
        NuclearRepulsion = nuclearRepulsion;
        OrbitalEnergies = orbitalEnergies;
        MoCoefficients = moCoefficients;
        Density = density;
        ElectronCount = electronCount;
        Basis = basis;
        History = history.ToArray();
        Converged = converged;
    }

    /// <summary>Total energy including nuclear repulsion, hartree.</summary>
    public double TotalEnergy { get; }

    /// <summary>Electronic energy ½ Tr[P (h + F)] = <see cref="TotalEnergy"/> − <see cref="NuclearRepulsion"/>, hartree.</summary>
    public double ElectronicEnergy => TotalEnergy - NuclearRepulsion;

    /// <summary>Nuclear repulsion energy, hartree.</summary>
    public double NuclearRepulsion { get; }

    /// <summary>Orbital energies ε: [M] float64, ascending, hartree (eigenvalues of the final Fock matrix).</summary>
    public IReadOnlyList<double> OrbitalEnergies { get; }

    /// <summary>MO coefficients C: [N, M] float64, AO rows, one MO per column in the order of <see cref="OrbitalEnergies"/>, CᵀSC = 1.</summary>
    public double[,] MoCoefficients { get; }

    /// <summary>AO density P = 2 C_occ C_occᵀ: [N, N] float64, AO, Tr PS = N_e.</summary>
    public double[,] Density { get; }

    /// <summary>Number of electrons N_e (even).</summary>
    public int ElectronCount { get; }

    /// <summary>Number of doubly occupied orbitals N_e / 2.</summary>
    public int OccupiedCount => ElectronCount / 2;

    /// <summary>The orthonormal basis (X [N, M]) the SCF worked in.</summary>
    public OrthonormalBasis Basis { get; }

    /// <summary>Iterations run (Fock builds after the guess).</summary>
    public int Iterations => History.Count;

    /// <summary>Whether the energy and density thresholds were met.</summary>
    public bool Converged { get; }

    /// <summary>One entry per iteration, first to last.</summary>
    public IReadOnlyList<RhfIteration> History { get; }
}
