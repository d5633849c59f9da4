using System.Text.Json;
using TorchTdhf.Cli;

namespace TorchTdhf.Tests.Cli;

public class ScfCommandTests
{
    [Fact]
    public void JsonReportHasTheDocumentedFields()
    {
        var result = CliRunner.Run("scf", "--molecule", "heh+", "--basis", "6-31g", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        // psi4 reference energy for HeH+/6-31G (../shared/reference/energies.json).
        Assert.Equal(-2.909854377545129, root.GetProperty("energy").GetDouble(), 1e-8);
        Assert.Equal(1.3709254162430002, root.GetProperty("nuclear_repulsion").GetDouble(), 1e-9);
        Assert.Equal(4, root.GetProperty("n_basis").GetInt32());
        Assert.Equal(2, root.GetProperty("n_electrons").GetInt32());
        Assert.Equal(4, root.GetProperty("orbital_energies").GetArrayLength());
        Assert.True(root.GetProperty("iterations").GetInt32() > 0);
        Assert.True(root.GetProperty("converged").GetBoolean());
    }

    [Fact]
    public void HumanReportShowsEnergyAndOrbitals()
    {
        var result = CliRunner.Run("scf", "--molecule", "heh+", "--basis", "6-31g");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-2.909854377", result.Output);
        Assert.Contains("Orbital energies", result.Output);
    }

    [Theory]
    [InlineData("unknown molecule", "scf", "--molecule", "xenon-dimer", "--basis", "sto-3g")]
    [InlineData("unknown basis set", "scf", "--molecule", "h2o", "--basis", "no-such-basis")]
    [InlineData("He (Z = 2) is not in basis set", "scf", "--molecule", "heh+", "--basis", "6-311++G**")]
    [InlineData("closed shell", "scf", "--molecule", "h2o", "--basis", "sto-3g", "--charge", "1")]
    [InlineData("did not converge in 2 iterations", "scf", "--molecule", "h2o", "--basis", "sto-3g", "--max-iterations", "2")]
    [InlineData("--basis is required", "scf", "--molecule", "h2o")]
    public void BadInputIsAClearErrorWithExitCodeTwo(string expected, params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(CliApp.InputError, result.ExitCode);
        Assert.StartsWith("tdhf: error: ", result.Error);
        Assert.Contains(expected, result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void MalformedCommandLineIsAUsageError()
    {
        var result = CliRunner.Run("scf", "--molecule", "h2o", "--basis", "sto-3g", "--max-iterations", "many");
        Assert.Equal(CliApp.UsageError, result.ExitCode);
        Assert.Contains("tdhf: error:", result.Error);
    }
}
