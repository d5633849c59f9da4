using TorchTdhf.Chemistry;

namespace TorchTdhf.Tests.Chemistry;

/// <summary>The learningTDHF paper's own Gaussian integrals, as shipped in data/paper, import and reproduce their RHF energies.</summary>
public class PaperDataTests
{
    [Theory]
    [InlineData("heh+_6-31g.npz", -2.909853041)]
    [InlineData("heh+_6-311G.npz", -2.929354208)]
    [InlineData("lih_6-31g.npz", -7.977916119)]
    [InlineData("c2h4_sto-3g.npz", -77.072183169)]
    public void ImportsAndReproducesTheListedEnergy(string file, double listed)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "paper", file);
        using var system = AoIntegralsFile.ReadSystem(path, new AoIntegralsFileOptions { PaperConvention = true });
        Assert.Equal(ScfFixtures.Scalar(path, "e_rhf"), system.Rhf!.TotalEnergy, 1e-8);
        Assert.Equal(listed, system.Rhf.TotalEnergy, 1e-9);
    }
}
