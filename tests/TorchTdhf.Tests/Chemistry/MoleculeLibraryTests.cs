using TorchTdhf.Chemistry;

namespace TorchTdhf.Tests.Chemistry;

public sealed class MoleculeLibraryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("lih", "lih")]
    [InlineData("LiH", "lih")]
    [InlineData("HeH+", "heh+")]
    [InlineData("h2o.xyz", "h2o")]
    [InlineData("p-nitroaniline", "p-nitroaniline")]
    [InlineData("PNitroaniline", "p-nitroaniline")]
    [InlineData("c6h10n2o2", "c6h10n2o2_paper_reconstructed")]
    [InlineData("c6h10n2o2_paper_reconstructed", "c6h10n2o2_paper_reconstructed")]
    public void NamesResolveToShippedFiles(string name, string stem)
    {
        var path = new MoleculeLibrary().ResolvePath(name);

        Assert.Equal(stem + ".xyz", Path.GetFileName(path));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void AnExistingPathIsUsedAsIs()
    {
        var path = Write("my_h2.xyz", "2\n\nH 0 0 0\nH 0 0 0.74\n");

        var molecule = new MoleculeLibrary().Load(path);

        Assert.Equal(path, molecule.Source);
        Assert.Equal(2, molecule.ElectronCount);
    }

    [Fact]
    public void UnknownNameListsTheAvailableMolecules()
    {
        var error = Assert.Throws<TdhfInputException>(() => new MoleculeLibrary().ResolvePath("benzene"));

        Assert.Contains("unknown molecule 'benzene'", error.Message);
        Assert.Contains("lih", error.Message);
        Assert.Contains("heh+", error.Message);
    }

    [Fact]
    public void MissingPathIsReported()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "x.xyz");

        var error = Assert.Throws<TdhfInputException>(() => new MoleculeLibrary().ResolvePath(missing));

        Assert.Equal(missing, error.File);
    }

    [Fact]
    public void ListsShippedNames()
    {
        Assert.Equal(new[] { "c2h4", "c6h10n2o2_paper_reconstructed", "h2o", "heh+", "lih", "nh3", "p-nitroaniline" }, new MoleculeLibrary().Names);
    }

    private string Write(string name, string text)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }
}
