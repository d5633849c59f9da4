namespace TorchTdhf.Chemistry;

/// <summary>
/// Everything the electronic Hamiltonian needs, in the atomic-orbital basis (atomic units, chemists' notation).
/// </summary>
/// <remarks>
/// The Fock matrix for an AO density <c>P</c> normalised to the electron count (Tr PS = N_e) is
/// F = T + V + G(P), G(P)_mn = Σ_ls [(mn|ls) − ½ (ml|ns)] P_ls.
/// </remarks>
public sealed class AoIntegrals
{
    /// <summary>Bundles integrals; all matrices must be N×N and <paramref name="eri"/> must hold N⁴ values.</summary>
    /// <param name="overlap">S_mn = ⟨m|n⟩: [N, N], AO.</param>
    /// <param name="kinetic">T_mn = ⟨m|−½∇²|n⟩: [N, N], AO.</param>
    /// <param name="potential">V_mn = ⟨m|−Σ_A Z_A/|r−R_A||n⟩ (negative definite): [N, N], AO.</param>
    /// <param name="position">Position integrals +⟨m|x|n⟩, +⟨m|y|n⟩, +⟨m|z|n⟩ about the origin, without the electron's charge: three [N, N], AO.</param>
    /// <param name="eri">(mn|ls) at index ((m·N + n)·N + l)·N + s: [N⁴] flat, row-major, AO.</param>
    /// <param name="nuclearRepulsion">Σ_{A&lt;B} Z_A Z_B / R_AB, hartree.</param>
    /// <param name="electronCount">Number of electrons.</param>
    public AoIntegrals(double[,] overlap, double[,] kinetic, double[,] potential, IReadOnlyList<double[,]> position, double[] eri, double nuclearRepulsion, int electronCount)
    {
        var n = overlap.GetLength(0);
        if (overlap.GetLength(1) != n) throw new ArgumentException("overlap must be square", nameof(overlap));
        foreach (var (m, name) in new[] { (kinetic, nameof(kinetic)), (potential, nameof(potential)) })
        {
            if (m.GetLength(0) != n || m.GetLength(1) != n) throw new ArgumentException($"{name} must be {n}×{n}", name);
        }
        if (position.Count != 3) throw new ArgumentException("position needs x, y and z matrices", nameof(position));
        if (position.Any(p => p.GetLength(0) != n || p.GetLength(1) != n)) throw new ArgumentException($"position matrices must be {n}×{n}", nameof(position));
        if (eri.LongLength != (long)n * n * n * n) throw new ArgumentException($"eri must hold N⁴ = {(long)n * n * n * n} values, not {eri.LongLength}", nameof(eri));
        FunctionCount = n;
        Overlap = overlap;
        Kinetic = kinetic;
        Potential = potential;
        Position = position.ToArray();
        Eri = eri;
        NuclearRepulsion = nuclearRepulsion;
        ElectronCount = electronCount;
    }

    /// <summary>Number of AO basis functions N.</summary>
    public int FunctionCount { get; }

    /// <summary>S: [N, N], AO.</summary>
    public double[,] Overlap { get; }

    /// <summary>T: [N, N], AO.</summary>
    public double[,] Kinetic { get; }

    /// <summary>V (nuclear attraction, negative definite): [N, N], AO.</summary>
    public double[,] Potential { get; }

    /// <summary>+⟨m|r_k|n⟩ for k = x, y, z about the origin: three [N, N], AO.</summary>
    public IReadOnlyList<double[,]> Position { get; }

    /// <summary>(mn|ls), [N⁴] flat row-major, AO.</summary>
    public double[] Eri { get; }

    /// <summary>Nuclear repulsion energy, hartree.</summary>
    public double NuclearRepulsion { get; }

    /// <summary>Number of electrons.</summary>
    public int ElectronCount { get; }
}
