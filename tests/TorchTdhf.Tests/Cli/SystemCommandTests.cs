using TorchTdhf.Cli;
using TorchTdhf.IO;

namespace TorchTdhf.Tests.Cli;

public class SystemCommandTests
{
    [Fact]
    public void WritesTheSystemAsNpz()
    {
        using var folder = new TempFolder();
        var path = folder.File("lih.npz");
        var result = CliRunner.Run("system", "--molecule", "lih", "--basis", "6-31g", "--out", path);
        Assert.Equal(0, result.ExitCode);
        using var npz = NpzReader.Open(path);
        foreach (var key in new[] { "overlap", "kinetic", "potential", "dipole_z", "eri", "x", "eri_orthonormal", "p0_orthonormal", "e_rhf" })
            Assert.True(npz.Contains(key), key);
        Assert.Equal(new long[] { 11, 11, 11, 11 }, npz.Get("eri").Shape);
        // psi4 reference energy for LiH/6-31G (../shared/reference/energies.json).
        Assert.Equal(-7.977931641232731, npz.Get("e_rhf").ScalarDouble(), 1e-8);
    }

    [Fact]
    public void ImportsThePaperIntegrals()
    {
        using var folder = new TempFolder();
        var path = folder.File("heh.npz");
        var paper = Path.Combine(AppContext.BaseDirectory, "data", "paper", "heh+_6-31g.npz");
        var result = CliRunner.Run("system", "--from-npz", paper, "--paper-convention", "--out", path, "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"energy\": -2.90985304", result.Output);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void FailureWritesNothing()
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.npz");
        var result = CliRunner.Run("system", "--molecule", "h2o", "--basis", "sto-3g", "--charge", "1", "--out", path);
        Assert.Equal(CliApp.InputError, result.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void MissingKeyInImportedFileIsNamed()
    {
        using var folder = new TempFolder();
        var input = folder.File("partial.npz");
        Npz.Write(input, new Dictionary<string, NpyArray> { ["overlap"] = NpyArray.Of(new[] { 1.0 }, 1, 1) });
        var result = CliRunner.Run("system", "--from-npz", input, "--out", folder.File("out.npz"));
        Assert.Equal(CliApp.InputError, result.ExitCode);
        Assert.Contains("partial.npz", result.Error);
        Assert.False(File.Exists(folder.File("out.npz")));
    }
}
