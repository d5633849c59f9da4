namespace TorchTdhf.Chemistry;

/// <summary>
/// A molecule: nuclei in bohr, total charge and spin multiplicity, and the file it was read from (for messages).
/// </summary>
public sealed class Molecule
{
    /// <summary>
    /// One bohr in ångström, 0.52917721067 (CODATA 2014, as used by psi4 1.3.2 for our reference data); xyz input in Å
    /// is divided by this to get bohr.
    /// </summary>
    public const double BohrInAngstrom = 0.52917721067;

    /// <summary>Two nuclei closer than this (bohr) are taken to be the same position, an input error.</summary>
    public const double MinimumSeparation = 1e-6;

    /// <summary>Creates a molecule.</summary>
    /// <param name="atoms">Nuclei, bohr; at least one, each H to Kr.</param>
    /// <param name="charge">Total charge in units of e; electrons = Σ Z − charge, which must not be negative.</param>
    /// <param name="multiplicity">Spin multiplicity 2S + 1, at least 1.</param>
    /// <param name="source">Where the molecule came from (usually an xyz path), named in error messages; null if built in code.</param>
    /// <exception cref="ArgumentException">No atoms, an unsupported element, a non-finite coordinate, two atoms closer than <see cref="MinimumSeparation"/>, multiplicity below 1 or a negative electron count.</exception>
    public Molecule(IReadOnlyList<Atom> atoms, int charge = 0, int multiplicity = 1, string? source = null)
    {
        if (atoms.Count == 0) throw new ArgumentException("a molecule needs at least one atom", nameof(atoms));
        foreach (var atom in atoms)
        {
            if (atom.AtomicNumber is < 1 or > PeriodicTable.MaxSupportedAtomicNumber)
                throw new ArgumentException($"atomic number {atom.AtomicNumber} is outside H to Kr", nameof(atoms));
            if (!double.IsFinite(atom.X) || !double.IsFinite(atom.Y) || !double.IsFinite(atom.Z))
                throw new ArgumentException($"atom {atom} has a non-finite coordinate", nameof(atoms));
        }
        for (var a = 0; a < atoms.Count; a++)
        {
            for (var b = a + 1; b < atoms.Count; b++)
            {
                if (atoms[a].DistanceTo(atoms[b]) < MinimumSeparation)
                    throw new ArgumentException($"atoms {a} and {b} are at the same position", nameof(atoms));
            }
        }
        if (multiplicity < 1) throw new ArgumentOutOfRangeException(nameof(multiplicity), multiplicity, "multiplicity must be at least 1");
        var nuclearCharge = atoms.Sum(a => a.AtomicNumber);
        if (nuclearCharge - charge < 0)
            throw new ArgumentException($"charge {charge} exceeds the nuclear charge {nuclearCharge}", nameof(charge));

        Atoms = atoms.ToArray();
        Charge = charge;
        Multiplicity = multiplicity;
        Source = source;
        ElectronCount = nuclearCharge - charge;
        NuclearRepulsion = ComputeNuclearRepulsion(Atoms);
    }

    /// <summary>The nuclei in input order, bohr.</summary>
    public IReadOnlyList<Atom> Atoms { get; }

    /// <summary>Total charge, units of e.</summary>
    public int Charge { get; }

    /// <summary>Spin multiplicity 2S + 1.</summary>
    public int Multiplicity { get; }

    /// <summary>Where the molecule came from (an xyz path), or null.</summary>
    public string? Source { get; }

    /// <summary>Number of electrons, Σ Z − charge.</summary>
    public int ElectronCount { get; }

    /// <summary>Nuclear repulsion energy Σ_{A&lt;B} Z_A Z_B / R_AB, hartree.</summary>
    public double NuclearRepulsion { get; }

    /// <summary>Reads an xyz file (see <see cref="XyzReader"/>).</summary>
    /// <param name="path">The xyz file, coordinates in Å.</param>
    /// <param name="chargeOverride">A charge that replaces the one in the comment line (the CLI's <c>--charge</c>).</param>
    /// <exception cref="TdhfInputException">The file is missing or malformed.</exception>
    public static Molecule FromXyz(string path, int? chargeOverride = null) => XyzReader.Read(path, chargeOverride);

    /// <summary>
    /// Checks that restricted (closed-shell) Hartree–Fock applies: a positive, even number of electrons and multiplicity 1.
    /// </summary>
    /// <exception cref="TdhfInputException">Open shell; the message names <see cref="Source"/>.</exception>
    public void EnsureClosedShell()
    {
        var what = $"{ElectronCount} electron{(ElectronCount == 1 ? "" : "s")} (charge {Charge:+0;-0;0}, multiplicity {Multiplicity})";
        if (ElectronCount == 0 || ElectronCount % 2 != 0)
            throw new TdhfInputException($"RHF needs a closed shell: {what}; the electron count must be even and positive (change the charge)", Source);
        if (Multiplicity != 1)
            throw new TdhfInputException($"RHF needs a closed shell: {what}; the multiplicity must be 1", Source);
    }

    private static double ComputeNuclearRepulsion(IReadOnlyList<Atom> atoms)
    {
        var energy = 0.0;
        for (var a = 0; a < atoms.Count; a++)
        {
            for (var b = a + 1; b < atoms.Count; b++)
                energy += atoms[a].AtomicNumber * atoms[b].AtomicNumber / atoms[a].DistanceTo(atoms[b]);
        }
        return energy;
    }
}
