using System.Globalization;
using TorchTdhf.Chemistry;

namespace TorchTdhf.Tests.Chemistry;

public sealed class XyzReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void ReadsChargeMultiplicityAndSymbolsInAnyCase()
    {
        var path = Write("hhe.xyz", "2\r\nHeH+ Charge = +1 mult=1\r\n h 0 0 -0.386\r\nHE 0 0 0.386\r\n\r\n");

        var molecule = XyzReader.Read(path);

        Assert.Equal(1, molecule.Charge);
        Assert.Equal(1, molecule.Multiplicity);
        Assert.Equal(2, molecule.ElectronCount);
        Assert.Equal(new[] { 1, 2 }, molecule.Atoms.Select(a => a.AtomicNumber));
        Assert.Equal(0.386 / Molecule.BohrInAngstrom, molecule.Atoms[1].Z, 1e-15);
    }

    [Fact]
    public void AcceptsAtomicNumbersAndDefaultsChargeAndMultiplicity()
    {
        var path = Write("h2o.xyz", "3\nwater\n8 0 0 0\n1 0 0.757 0.586\n1 0 -0.757 0.586\n");

        var molecule = XyzReader.Read(path);

        Assert.Equal(0, molecule.Charge);
        Assert.Equal(1, molecule.Multiplicity);
        Assert.Equal(new[] { 8, 1, 1 }, molecule.Atoms.Select(a => a.AtomicNumber));
    }

    [Fact]
    public void ChargeOverrideReplacesTheCommentLine()
    {
        var path = Write("h3.xyz", "3\ncharge=0 multiplicity=2\nH 0 0 0\nH 0 0 0.9\nH 0 0.8 0.45\n");

        var molecule = XyzReader.Read(path, chargeOverride: 1);

        Assert.Equal(1, molecule.Charge);
        Assert.Equal(2, molecule.ElectronCount);
    }

    [Fact]
    public void NumbersIgnoreTheCurrentCulture()
    {
        var path = Write("h2.xyz", "2\n\nH 0 0 0\nH 0 0 0.74\n");
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // German writes 0,74; the file must still be read with a decimal point.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(0.74 / Molecule.BohrInAngstrom, XyzReader.Read(path).Atoms[1].Z, 1e-15);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("three\ncomment\nH 0 0 0\n", 1, "malformed atom count 'three'")]
    [InlineData("0\ncomment\n", 1, "malformed atom count '0'")]
    [InlineData("", 1, "number of atoms")]
    [InlineData("2\n", 2, "ends after line 1")]
    [InlineData("3\ncomment\nH 0 0 0\nH 0 0 0.74\n", 5, "truncated")]
    [InlineData("2\ncomment\nH 0 0 0\n\nH 0 0 0.74\n", 4, "blank line")]
    [InlineData("2\ncomment\nH 0 0 0\nH 0 0 0.74\nH 0 0 1.5\n", 5, "too many lines")]
    [InlineData("2\ncomment\nH 0 0 0\nH 0 0.74\n", 4, "4 columns")]
    [InlineData("2\ncomment\nH 0 0 0\nH 0 0 0.74 1\n", 4, "4 columns")]
    [InlineData("2\ncomment\nH 0 0 0\nH 0 0 0,74\n", 4, "z coordinate '0,74'")]
    [InlineData("2\ncomment\nH 0 0 0\nH NaN 0 0.74\n", 4, "x coordinate 'NaN' of atom 2 is not a finite number")]
    [InlineData("2\ncomment\nH 0 0 0\nH 0 Infinity 0.74\n", 4, "y coordinate 'Infinity'")]
    [InlineData("2\ncomment\nH 0 0 0\nH 0 0 -inf\n", 4, "z coordinate '-inf'")]
    [InlineData("2\ncomment\nH 0 0 0\nH 0 0 1e400\n", 4, "not a finite number")]
    [InlineData("2\ncomment\nH 0 0 0\nQq 0 0 0.74\n", 4, "unknown element symbol 'Qq'")]
    [InlineData("2\ncomment\nXe 0 0 0\nH 0 0 1.6\n", 3, "beyond Kr")]
    [InlineData("2\ncomment\nH 0 0 0\n54 0 0 1.6\n", 4, "beyond Kr")]
    [InlineData("2\ncomment\nH 0 0 1\nH 0 0 1.0000000001\n", 4, "same position")]
    [InlineData("2\ncharge=one\nH 0 0 0\nH 0 0 0.74\n", 2, "charge 'one'")]
    [InlineData("2\nmultiplicity=0\nH 0 0 0\nH 0 0 0.74\n", 2, "multiplicity '0'")]
    [InlineData("2\ncharge=3\nH 0 0 0\nH 0 0 0.74\n", 2, "leaves -1 electrons")]
    public void BadInputNamesFileAndLine(string text, int line, string problem)
    {
        var path = Write("bad.xyz", text);

        var error = Assert.Throws<TdhfInputException>(() => XyzReader.Read(path));

        Assert.Equal(path, error.File);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"{path}:{line}", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void MissingFileIsAnInputError()
    {
        var path = Path.Combine(_folder.Path, "absent.xyz");

        var error = Assert.Throws<TdhfInputException>(() => XyzReader.Read(path));

        Assert.Equal(path, error.File);
    }

    private string Write(string name, string text)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }
}
