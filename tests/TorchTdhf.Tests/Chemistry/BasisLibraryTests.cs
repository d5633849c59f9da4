using TorchTdhf.Chemistry;

namespace TorchTdhf.Tests.Chemistry;

public sealed class BasisLibraryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("sto-3g", "sto-3g")]
    [InlineData("STO3G", "sto-3g")]
    [InlineData("STO-3G", "sto-3g")]
    [InlineData("3-21G", "3-21g")]
    [InlineData("6-31G", "6-31g")]
    [InlineData("6-31G*", "6-31gs")]
    [InlineData("6-31g(d)", "6-31gs")]
    [InlineData("6-31gs", "6-31gs")]
    [InlineData("6-31G**", "6-31gss")]
    [InlineData("6-31G(d,p)", "6-31gss")]
    [InlineData("6-31G(d, p)", "6-31gss")]
    [InlineData("6-31+G*", "6-31pgs")]
    [InlineData("6-31++G**", "6-31ppgss")]
    [InlineData("6-311G", "6-311g")]
    [InlineData("6-311G**", "6-311gss")]
    [InlineData("6-311++G**", "6-311ppgss")]
    [InlineData("6-311++G(d,p)", "6-311ppgss")]
    [InlineData("cc-pVDZ", "cc-pvdz")]
    [InlineData("ccpvdz", "cc-pvdz")]
    [InlineData("cc-pVTZ", "cc-pvtz")]
    [InlineData("aug-cc-pVDZ", "aug-cc-pvdz")]
    [InlineData("def2-SVP", "def2-svp")]
    [InlineData("def2_svp", "def2-svp")]
    [InlineData("6-31G*.gbs", "6-31gs")]
    public void NamesResolveToShippedFiles(string name, string stem)
    {
        var path = new BasisLibrary().ResolvePath(name);

        Assert.Equal(stem + ".gbs", Path.GetFileName(path));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void AnExistingPathIsLoadedDirectly()
    {
        var path = Write("mine.gbs", "cartesian\n****\nH 0\nS 1 1.00\n 0.5 1.0\n****\n");

        var basis = new BasisLibrary().Load(path);

        Assert.Equal("mine", basis.Name);
        Assert.Equal(path, basis.SourceFile);
    }

    [Fact]
    public void UnknownNameListsTheAvailableBasisSets()
    {
        var error = Assert.Throws<TdhfInputException>(() => new BasisLibrary().ResolvePath("6-31G(2df,p)"));

        Assert.Contains("unknown basis set '6-31G(2df,p)'", error.Message);
        Assert.Contains("6-31gs", error.Message);
        Assert.Contains("cc-pvdz", error.Message);
        Assert.Equal("basis", error.Key);
    }

    [Fact]
    public void MissingPathIsReported()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "x.gbs");

        var error = Assert.Throws<TdhfInputException>(() => new BasisLibrary().Load(missing));

        Assert.Equal(missing, error.File);
    }

    [Fact]
    public void NormalisationFollowsPsi4FileNames()
    {
        Assert.Equal("6311ppgss", BasisLibrary.NormaliseName("6-311++G(d,p)"));
        Assert.Equal("6311ppgss", BasisLibrary.NormaliseName(" 6-311ppgss "));
    }

    private string Write(string name, string text)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }
}
