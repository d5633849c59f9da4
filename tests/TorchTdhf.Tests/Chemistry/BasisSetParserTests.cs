using TorchTdhf.Chemistry;

namespace TorchTdhf.Tests.Chemistry;

public sealed class BasisSetParserTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // Headers as listed in data/basis/README.md.
    [Theory]
    [InlineData("sto-3g", true)]
    [InlineData("3-21g", false)]
    [InlineData("6-31g", false)]
    [InlineData("6-31gs", false)]
    [InlineData("6-31gss", false)]
    [InlineData("6-31pgs", false)]
    [InlineData("6-31ppgss", false)]
    [InlineData("6-311g", true)]
    [InlineData("6-311gss", true)]
    [InlineData("6-311ppgss", true)]
    [InlineData("cc-pvdz", true)]
    [InlineData("cc-pvtz", true)]
    [InlineData("aug-cc-pvdz", true)]
    [InlineData("def2-svp", true)]
    public void EveryShippedFileParses(string name, bool spherical)
    {
        var basis = new BasisLibrary().Load(name);

        Assert.Equal(name, basis.Name);
        Assert.Equal(spherical, basis.IsSpherical);
        Assert.Contains("H", basis.Elements);
        Assert.All(basis.Elements, symbol => Assert.NotEmpty(basis.RawShells(symbol)!));
    }

    [Fact]
    public void AllShippedFilesAreCovered()
    {
        Assert.Equal(15, new BasisLibrary().Names.Count);
    }

    [Fact]
    public void SpShellsSplitIntoSThenPSharingExponents()
    {
        var carbon = new BasisLibrary().Load("6-31g").ShellsFor(6);

        Assert.Equal(new[] { 0, 0, 1, 0, 1 }, carbon.Select(s => s.L));
        Assert.Equal(carbon[1].Exponents, carbon[2].Exponents);
        Assert.Equal(7.8682724, carbon[1].Exponents[0]);
        Assert.Equal(-0.1193324, carbon[1].Coefficients[0]);
        Assert.Equal(0.0689991, carbon[2].Coefficients[0]);
    }

    [Fact]
    public void GeneralContractionsStaySeparateShells()
    {
        var oxygen = new BasisLibrary().Load("cc-pvdz").ShellsFor(8);

        Assert.Equal(new[] { 0, 0, 0, 1, 1, 2 }, oxygen.Select(s => s.L));
        Assert.Equal(oxygen[0].Exponents, oxygen[1].Exponents);
        Assert.Equal(8, oxygen[1].Exponents.Count);
        Assert.Equal(-0.0001600, oxygen[1].Coefficients[0]);
    }

    [Fact]
    public void FortranExponentNotationIsRead()
    {
        var aluminium = new BasisLibrary().Load("cc-pvdz").ShellsFor(13);
        Assert.Equal(0.290250e-3, aluminium[0].Coefficients[0], 1e-18);

        var path = Write("d.gbs", "cartesian\n****\nH 0\nS 2 1.00\n 0.13D+02 0.290250D-03\n 1.5d0 1.0D0\n****\n");
        var hydrogen = BasisSet.Load(path).ShellsFor(1)[0];
        Assert.Equal(new[] { 13.0, 1.5 }, hydrogen.Exponents);
        Assert.Equal(new[] { 0.290250e-3, 1.0 }, hydrogen.Coefficients);
    }

    [Fact]
    public void ScaleFactorMultipliesExponentsBySquare()
    {
        var path = Write("scaled.gbs", "spherical\n\nh 0\nS 1 1.24\n 0.5 1.0\n****\n");

        var shell = BasisSet.Load(path).ShellsFor(1)[0];

        Assert.Equal(0.5 * 1.24 * 1.24, shell.Exponents[0], 1e-15);
    }

    [Fact]
    public void GShellsLoadButAreRefusedWhenUsed()
    {
        var scandium = new BasisLibrary().Load("cc-pvtz");
        Assert.Contains(scandium.RawShells("Sc")!, s => s.L == 4);

        var path = Write("g.gbs", "spherical\n****\nH 0\nS 1 1.00\n 0.5 1.0\n****\nHe 0\nS 1 1.00\n 0.5 1.0\nG 1 1.00\n 1.2 1.0\n****\n");
        var basis = BasisSet.Load(path);
        Assert.Single(basis.ShellsFor(1));

        var error = Assert.Throws<TdhfInputException>(() => basis.ShellsFor(2));
        Assert.Equal(10, error.Line);
        Assert.StartsWith($"{path}:10:", error.Message);
        Assert.Contains("only shells up to f", error.Message);
    }

    [Fact]
    public void CorePotentialsLoadButAreRefusedWhenUsed()
    {
        var def2 = new BasisLibrary().Load("def2-svp");
        Assert.Contains("Rb", def2.ElementsWithCorePotential);
        Assert.Contains("Xe", def2.Elements);
        Assert.Equal(36, def2.ElementsWithCorePotential.Count);
        Assert.True(def2.Contains(36));

        var path = Write("ecp.gbs", "spherical\n****\nHe 0\nS 1 1.00\n 0.5 1.0\n****\n\nHE 0\nHE-ECP 1 2\np-ul potential\n 1\n2 1.0 -1.0\ns-p potential\n 1\n2 2.0 3.0\n");
        var basis = BasisSet.Load(path);
        var error = Assert.Throws<TdhfInputException>(() => basis.ShellsFor(2));
        Assert.StartsWith($"{path}:9:", error.Message);
        Assert.Contains("effective core potential", error.Message);
    }

    [Theory]
    [InlineData("****\nH 0\nS 1 1.00\n 0.5 1.0\n****\n", 1, "missing header")]
    [InlineData("pure\nH 0\nS 1 1.00\n 0.5 1.0\n****\n", 1, "missing header")]
    [InlineData("cartesian\nH 0\nS 2 1.00\n 0.5 1.0\n****\n", 5, "declares 2 primitives but only 1 follow")]
    [InlineData("cartesian\nH 0\nS 1 1.00\n 0.5 1.0\n 0.2 1.0\n****\n", 5, "more primitive lines than it declares")]
    [InlineData("cartesian\nH 0\nS 2 1.00\n 0.5 1.0\n", 4, "truncated block")]
    [InlineData("cartesian\nH 0\nS 1 1.00\n 0.5 1.0\n", 4, "truncated block")]
    [InlineData("cartesian\nH 0\nS 1 1.00\n 0.5 1.O\n****\n", 4, "bad number '1.O'")]
    [InlineData("cartesian\nH 0\nS 1 1.00\n 0.5 1.0 2.0\n****\n", 4, "needs 2 numbers")]
    [InlineData("cartesian\nH 0\nSP 1 1.00\n 0.5 1.0\n****\n", 4, "needs 3 numbers")]
    [InlineData("cartesian\nH 0\nX 1 1.00\n 0.5 1.0\n****\n", 3, "unknown shell type 'X'")]
    [InlineData("cartesian\nH 0\nS x 1.00\n 0.5 1.0\n****\n", 3, "number of primitives 'x'")]
    [InlineData("cartesian\nH 0\nS 1 1.00\n -0.5 1.0\n****\n", 4, "must be positive")]
    [InlineData("cartesian\nH 0\nS 1 1.00\n 0.5 1.0\n****\nH 0\nS 1 1.00\n 0.5 1.0\n****\n", 6, "defined twice")]
    [InlineData("cartesian\nH 1\nS 1 1.00\n 0.5 1.0\n****\n", 2, "element line")]
    [InlineData("cartesian\nQq 0\nS 1 1.00\n 0.5 1.0\n****\n", 2, "unknown element symbol 'Qq'")]
    [InlineData("cartesian\nH 0\n****\n", 2, "no shells")]
    [InlineData("cartesian\nH 0\nS 1 1.00\n 0.5 1.0\n****\nH 0\nH-ECP 0 0\ns potential\n 2\n2 1.0 1.0\n", 10, "truncated ECP")]
    [InlineData("cartesian\nH 0\nS 1 1.00\n 0.5 1.0\n****\nH 0\nH-ECP 0 0\ns potential\n 1\n2 1.0\n", 10, "ECP term")]
    public void BadFilesNameFileAndLine(string text, int line, string problem)
    {
        var path = Write("bad.gbs", text);

        var error = Assert.Throws<TdhfInputException>(() => BasisSet.Load(path));

        Assert.Equal(path, error.File);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"{path}:{line}:", error.Message);
        Assert.Contains(problem, error.Message);
    }

    private string Write(string name, string text)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }
}
