using TorchTdhf.Chemistry;

namespace TorchTdhf.Tests.Chemistry;

public sealed class MoleculeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("h2o", 3, 0, 10)]
    [InlineData("heh+", 2, 1, 2)]
    [InlineData("lih", 2, 0, 4)]
    [InlineData("c2h4", 6, 0, 16)]
    [InlineData("nh3", 4, 0, 10)]
    [InlineData("p-nitroaniline", 16, 0, 72)]
    [InlineData("c6h10n2o2_paper_reconstructed", 20, 0, 76)]
    public void ShippedMoleculesParseAsClosedShells(string name, int atoms, int charge, int electrons)
    {
        var molecule = new MoleculeLibrary().Load(name);

        Assert.Equal(atoms, molecule.Atoms.Count);
        Assert.Equal(charge, molecule.Charge);
        Assert.Equal(1, molecule.Multiplicity);
        Assert.Equal(electrons, molecule.ElectronCount);
        molecule.EnsureClosedShell();
    }

    // nuclear_repulsion of shared/reference/energies.json (psi4 1.3.2, 1 bohr = 0.52917721067 Å).
    [Theory]
    [InlineData("h2o", 9.19496484998104)]
    [InlineData("heh+", 1.3709254162430002)]
    [InlineData("lih", 1.0376023738629163)]
    [InlineData("c2h4", 33.26509046547069)]
    [InlineData("nh3", 11.958585119952552)]
    public void NuclearRepulsionMatchesPsi4(string name, double psi4)
    {
        var molecule = new MoleculeLibrary().Load(name);

        Assert.Equal(psi4, molecule.NuclearRepulsion, 1e-10);
    }

    [Fact]
    public void CoordinatesAreConvertedToBohrWithThePsi4Constant()
    {
        var water = new MoleculeLibrary().Load("h2o");

        Assert.Equal(0.52917721067, Molecule.BohrInAngstrom);
        // geometry_bohr of shared/reference/h2o_6-31gs.json.
        Assert.Equal(1.4304288091726638, water.Atoms[1].Y, 1e-13);
        Assert.Equal(1.1071570445337295, water.Atoms[1].Z, 1e-13);
        Assert.Equal(8, water.Atoms[0].AtomicNumber);
    }

    [Fact]
    public void OddElectronCountIsRejectedForRhf()
    {
        var path = new MoleculeLibrary().ResolvePath("heh+");
        var molecule = Molecule.FromXyz(path, chargeOverride: 0);

        var error = Assert.Throws<TdhfInputException>(molecule.EnsureClosedShell);

        Assert.Equal(3, molecule.ElectronCount);
        Assert.Equal(path, error.File);
        Assert.StartsWith($"{path}: RHF needs a closed shell: 3 electrons", error.Message);
    }

    [Fact]
    public void OddElectronCountWithSingletInTheFileIsRejectedForRhf()
    {
        var path = Write("oh.xyz", "2\ncharge=0 multiplicity=1\nO 0 0 0\nH 0 0 0.97\n");

        var error = Assert.Throws<TdhfInputException>(XyzReader.Read(path).EnsureClosedShell);

        Assert.Contains($"{path}: RHF needs a closed shell: 9 electrons", error.Message);
    }

    [Fact]
    public void TripletIsRejectedForRhf()
    {
        var path = Write("o2.xyz", "2\nO2 triplet charge=0 multiplicity=3\nO 0 0 0\nO 0 0 1.21\n");
        var molecule = XyzReader.Read(path);

        var error = Assert.Throws<TdhfInputException>(molecule.EnsureClosedShell);

        Assert.Equal(16, molecule.ElectronCount);
        Assert.Contains($"{path}: RHF needs a closed shell: 16 electrons", error.Message);
        Assert.Contains("multiplicity must be 1", error.Message);
    }

    [Fact]
    public void ConstructorRejectsCoincidentAtoms()
    {
        Assert.Throws<ArgumentException>(() => new Molecule([new Atom(1, 0, 0, 0), new Atom(1, 0, 0, 1e-9)]));
    }

    [Theory]
    [InlineData("he", 2)]
    [InlineData("HE", 2)]
    [InlineData("He", 2)]
    [InlineData("kr", 36)]
    [InlineData("8", 8)]
    public void ElementLookupIgnoresCase(string text, int z)
    {
        Assert.Equal(z, PeriodicTable.ParseSupported(text));
        Assert.Equal("Kr", PeriodicTable.Symbol(36));
        Assert.Equal("Cl", PeriodicTable.CanonicalSymbol("CL"));
    }

    [Theory]
    [InlineData("Xe", "beyond Kr")]
    [InlineData("37", "beyond Kr")]
    [InlineData("Qq", "unknown element")]
    [InlineData("0", "not an atomic number")]
    public void UnsupportedElementsNameFileAndLine(string text, string problem)
    {
        var error = Assert.Throws<TdhfInputException>(() => PeriodicTable.ParseSupported(text, "in.xyz", 7));

        Assert.StartsWith("in.xyz:7: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    private string Write(string name, string text)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }
}
