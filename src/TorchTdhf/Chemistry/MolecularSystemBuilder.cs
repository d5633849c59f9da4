using TorchTdhf.Chemistry.Integrals;

namespace TorchTdhf.Chemistry;

/// <summary>What to build a <see cref="MolecularSystem"/> from: a molecule and a basis set.</summary>
/// <param name="Molecule">Shipped molecule name or xyz path.</param>
/// <param name="Basis">Basis-set name or Gaussian94 path.</param>
/// <param name="Charge">Overrides the xyz file's charge when set.</param>
/// <param name="Pure">Overrides the basis file's spherical/Cartesian header when set.</param>
public sealed record SystemSpec(string Molecule, string Basis, int? Charge = null, bool? Pure = null);

/// <summary>
/// The first-principles pipeline: molecule and basis → AO integrals → RHF → orthonormal <see cref="MolecularSystem"/>.
/// </summary>
public sealed class MolecularSystemBuilder
{
    private readonly MoleculeLibrary _molecules;
    private readonly BasisLibrary _bases;

    /// <summary>Uses the given libraries, or the shipped ones.</summary>
    public MolecularSystemBuilder(MoleculeLibrary? molecules = null, BasisLibrary? bases = null)
    {
        _molecules = molecules ?? new MoleculeLibrary();
        _bases = bases ?? new BasisLibrary();
    }

    /// <summary>Loads the molecule (checked to be a closed shell) and places the basis on it.</summary>
    public (Molecule Molecule, AoBasis Basis) Resolve(SystemSpec spec)
    {
        var molecule = _molecules.Load(spec.Molecule, spec.Charge);
        molecule.EnsureClosedShell();
        var basisSet = _bases.Load(spec.Basis);
        return (molecule, AoBasisBuilder.Build(molecule, basisSet, spec.Pure));
    }

    /// <summary>All AO integrals of a resolved molecule and basis.</summary>
    public static AoIntegrals Integrals(Molecule molecule, AoBasis basis, IntegralOptions? options = null) =>
        IntegralEngine.Compute(basis, molecule.ElectronCount, molecule.NuclearRepulsion, options);

    /// <summary>Runs the whole pipeline.</summary>
    /// <exception cref="TdhfInputException">A file, name or setting is wrong, or SCF does not converge.</exception>
    public MolecularSystem Build(SystemSpec spec, RhfOptions? rhf = null, IntegralOptions? integrals = null)
    {
        var (molecule, basis) = Resolve(spec);
        var ints = Integrals(molecule, basis, integrals);
        return MolecularSystem.Compute(SystemName(spec), ints, rhf, aoBasis: basis, source: molecule.Source);
    }

    /// <summary>A short name such as <c>lih/6-31g</c>.</summary>
    public static string SystemName(SystemSpec spec) =>
        $"{Path.GetFileNameWithoutExtension(spec.Molecule)}/{Path.GetFileNameWithoutExtension(spec.Basis)}";
}
