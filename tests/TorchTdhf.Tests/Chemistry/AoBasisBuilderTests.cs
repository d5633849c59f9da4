using System.Text.Json;
using TorchTdhf.Chemistry;

namespace TorchTdhf.Tests.Chemistry;

public sealed class AoBasisBuilderTests
{
    private static AoBasis Build(string molecule, string basis, bool? pure = null) =>
        AoBasisBuilder.Build(new MoleculeLibrary().Load(molecule), new BasisLibrary().Load(basis), pure);

    [Theory]
    [InlineData("h2o", "sto-3g", 7)]
    [InlineData("heh+", "6-31g", 4)]
    [InlineData("lih", "6-31g", 11)]
    [InlineData("c2h4", "sto-3g", 14)]
    [InlineData("h2o", "6-31G*", 19)]
    [InlineData("nh3", "cc-pVDZ", 29)]
    [InlineData("c2h4", "6-31+G*", 46)]
    [InlineData("p-nitroaniline", "sto-3g", 56)]
    [InlineData("c6h10n2o2", "sto-3g", 60)]
    public void FunctionCountsMatchThePsi4Reference(string molecule, string basis, int count)
    {
        var ao = Build(molecule, basis);

        Assert.Equal(count, ao.FunctionCount);
        Assert.Equal(count, AoFunctionLabels.For(ao).Count);
    }

    [Fact]
    public void PureOverrideReplacesTheFileHeader()
    {
        Assert.Equal(18, Build("h2o", "6-31G*", pure: true).FunctionCount);
        // N: 3 s + 2 p + 6 Cartesian d; each H: 2 s + 1 p.
        Assert.Equal(30, Build("nh3", "cc-pVDZ", pure: false).FunctionCount);
    }

    [Fact]
    public void ShellsMatchThePsi4ReferenceForWater631Gs()
    {
        using var fixture = JsonDocument.Parse(File.ReadAllText(Fixtures.Reference("h2o_6-31gs_shells.json")));
        var expected = fixture.RootElement.GetProperty("shells").EnumerateArray().ToArray();
        var molecule = new MoleculeLibrary().Load("h2o");

        var ao = Build("h2o", "6-31gs");

        Assert.Equal(fixture.RootElement.GetProperty("nbf").GetInt32(), ao.FunctionCount);
        Assert.Equal(expected.Length, ao.Shells.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var shell = ao.Shells[i];
            var reference = expected[i];
            Assert.Equal(reference.GetProperty("atom").GetInt32(), shell.AtomIndex);
            Assert.Equal(reference.GetProperty("l").GetInt32(), shell.L);
            Assert.Equal(reference.GetProperty("first_function").GetInt32(), shell.FirstFunction);
            Assert.Equal(reference.GetProperty("nfunction").GetInt32(), shell.FunctionCount);
            Assert.False(shell.Pure);
            Assert.Equal(Doubles(reference.GetProperty("exponents")), shell.Exponents);
            Assert.Equal(Doubles(reference.GetProperty("coefficients_as_in_basis_file")), shell.Coefficients);
            var atom = molecule.Atoms[shell.AtomIndex];
            Assert.Equal((atom.X, atom.Y, atom.Z), shell.Center);
        }
    }

    [Fact]
    public void LabelsFollowTheAoOrder()
    {
        var labels = AoFunctionLabels.For(Build("h2o", "6-31gs"));

        Assert.Equal("0:O:0:0:s", labels[0]);
        Assert.Equal(new[] { "0:O:2:1:x", "0:O:2:1:y", "0:O:2:1:z" }, labels.Skip(2).Take(3));
        Assert.Equal(new[] { "0:O:5:2:xx", "0:O:5:2:xy", "0:O:5:2:xz", "0:O:5:2:yy", "0:O:5:2:yz", "0:O:5:2:zz" }, labels.Skip(9).Take(6));
        Assert.Equal(new[] { "1:H:0:0:s", "1:H:1:0:s", "2:H:0:0:s", "2:H:1:0:s" }, labels.Skip(15));
    }

    [Fact]
    public void PureLabelsUseRealSolidHarmonicOrder()
    {
        var labels = AoFunctionLabels.For(Build("nh3", "cc-pvdz"));

        // N cc-pVDZ: s, s, s, p, p, d.
        Assert.Equal(new[] { "0:N:5:2:d0", "0:N:5:2:d+1", "0:N:5:2:d-1", "0:N:5:2:d+2", "0:N:5:2:d-2" }, labels.Skip(9).Take(5));
        Assert.Equal(new[] { "f0", "f+1", "f-1", "f+2", "f-2", "f+3", "f-3" }, AoFunctionLabels.Components(3, pure: true));
        Assert.Equal(new[] { "xxx", "xxy", "xxz", "xyy", "xyz", "xzz", "yyy", "yyz", "yzz", "zzz" }, AoFunctionLabels.Components(3, pure: false));
        Assert.Equal(new[] { "x", "y", "z" }, AoFunctionLabels.Components(1, pure: true));
    }

    [Fact]
    public void ElementMissingFromTheBasisNamesFileAndElement()
    {
        var error = Assert.Throws<TdhfInputException>(() => Build("heh+", "6-311++G**"));

        Assert.EndsWith("6-311ppgss.gbs", error.File);
        Assert.Contains("element He (Z = 2) is not in basis set 6-311ppgss", error.Message);
    }

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
