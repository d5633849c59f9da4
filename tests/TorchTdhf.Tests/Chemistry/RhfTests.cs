using TorchTdhf.Chemistry;
using Xunit.Abstractions;

namespace TorchTdhf.Tests.Chemistry;

public class RhfTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(ScfFixtures.ReferenceCases), MemberType = typeof(ScfFixtures))]
    public void MatchesPsi4Energies(string name)
    {
        var integrals = ScfFixtures.Reference(name);
        var rhf = Rhf.Solve(integrals);
        var path = ScfFixtures.ReferencePath(name);
        var energyError = Math.Abs(rhf.TotalEnergy - ScfFixtures.Scalar(path, "e_rhf"));
        var orbitalError = ScfFixtures.MaxAbsDifference(rhf.OrbitalEnergies, ScfFixtures.AllArrays(path)["orbital_energies"].ToDoubleArray());
        output.WriteLine($"{name}: |ΔE_RHF| = {energyError:E2} Eh, max |Δε| = {orbitalError:E2} Eh, {rhf.Iterations} iterations");
        Assert.True(rhf.Converged);
        Assert.True(energyError <= 1e-8, $"|ΔE| = {energyError:E3}");
        Assert.True(orbitalError <= 1e-7, $"max |Δε| = {orbitalError:E3}");
        Assert.Equal(rhf.TotalEnergy - integrals.NuclearRepulsion, rhf.ElectronicEnergy, 12);
        Assert.Equal(rhf.OrbitalEnergies.Order(), rhf.OrbitalEnergies);
        Assert.True(MaxDeviationFromIdentity(Product(Transpose(rhf.MoCoefficients), integrals.Overlap, rhf.MoCoefficients)) < 1e-10);
        Assert.Equal(integrals.ElectronCount, Trace(Product(rhf.Density, integrals.Overlap)), 10);
        Assert.Equal(rhf.Iterations, rhf.History.Count);
    }

    [Fact]
    public void WolfsbergHelmholzGuessAndPlainIterationReachTheSameEnergy()
    {
        var integrals = ScfFixtures.Reference("h2o_sto-3g");
        var reference = ScfFixtures.Scalar(ScfFixtures.ReferencePath("h2o_sto-3g"), "e_rhf");
        var gwh = Rhf.Solve(integrals, new RhfOptions { Guess = RhfGuess.GeneralizedWolfsbergHelmholz });
        Assert.True(Math.Abs(gwh.TotalEnergy - reference) <= 1e-8);
        var heh = ScfFixtures.Reference("heh+_6-31g");
        var plain = Rhf.Solve(heh, new RhfOptions { DiisSize = 0, MaxIterations = 500 });
        Assert.True(Math.Abs(plain.TotalEnergy - ScfFixtures.Scalar(ScfFixtures.ReferencePath("heh+_6-31g"), "e_rhf")) <= 1e-8);
    }

    [Fact]
    public void HistoryRecordsEachIteration()
    {
        var rhf = Rhf.Solve(ScfFixtures.Reference("lih_6-31g"));
        Assert.Equal(Enumerable.Range(1, rhf.Iterations), rhf.History.Select(h => h.Iteration));
        var last = rhf.History[^1];
        Assert.Equal(rhf.TotalEnergy, last.Energy);
        Assert.True(Math.Abs(last.EnergyChange) < 1e-12 && last.DensityChange < 1e-10);
        // Past the thresholds (met with [F, P] ≈ 2e-12 here) a few more iterations take the commutator to round-off.
        var thresholdsMet = rhf.History.First(h => Math.Abs(h.EnergyChange) < 1e-12 && h.DensityChange < 1e-10).Iteration;
        output.WriteLine($"thresholds met at iteration {thresholdsMet}, stopped at {rhf.Iterations} with [F, P] = {last.DiisError:E2}");
        Assert.True(last.DiisError <= 1e-13, $"[F, P] = {last.DiisError:E2}");
        Assert.InRange(rhf.Iterations - thresholdsMet, 1, 5);
        for (var k = 1; k < rhf.History.Count; k++)
            Assert.Equal(rhf.History[k].Energy - rhf.History[k - 1].Energy, rhf.History[k].EnergyChange, 14);
    }

    [Fact]
    public void NonConvergenceThrowsWithAdvice()
    {
        var path = ScfFixtures.ReferencePath("h2o_sto-3g");
        var integrals = ScfFixtures.Reference("h2o_sto-3g");
        var error = Assert.Throws<ScfNotConvergedException>(() => Rhf.Solve(integrals, new RhfOptions { MaxIterations = 2 }, source: path));
        Assert.IsAssignableFrom<TdhfInputException>(error);
        Assert.Contains(path, error.Message);
        Assert.Contains("[MaxIterations]", error.Message);
        Assert.Contains("2 iterations", error.Message);
        Assert.Contains("ΔE", error.Message);
        Assert.Contains("density change", error.Message);
        Assert.Contains("DiisSize", error.Message);
        Assert.Equal(2, error.History.Count);
        output.WriteLine(error.Message);

        var unconverged = Rhf.Solve(integrals, new RhfOptions { MaxIterations = 2, ThrowIfNotConverged = false });
        Assert.False(unconverged.Converged);
        Assert.Equal(2, unconverged.Iterations);
    }

    [Fact]
    public void OddElectronCountIsRejected()
    {
        var heh = ScfFixtures.Reference("heh+_6-31g");
        var odd = new AoIntegrals(heh.Overlap, heh.Kinetic, heh.Potential, heh.Position, heh.Eri, heh.NuclearRepulsion, 3);
        var error = Assert.Throws<TdhfInputException>(() => Rhf.Solve(odd, source: "heh.npz"));
        Assert.Equal("n_electrons", error.Key);
        Assert.Contains("heh.npz", error.Message);
        Assert.Contains("even", error.Message);
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        var heh = ScfFixtures.Reference("heh+_6-31g");
        Assert.Equal("MaxIterations", Assert.Throws<TdhfInputException>(() => Rhf.Solve(heh, new RhfOptions { MaxIterations = 0 })).Key);
        Assert.Equal("EnergyThreshold", Assert.Throws<TdhfInputException>(() => Rhf.Solve(heh, new RhfOptions { EnergyThreshold = double.NaN })).Key);
    }

    internal static double[,] Product(params double[][,] matrices) => matrices.Aggregate(Multiply);

    internal static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (var i = 0; i < a.GetLength(0); i++)
        for (var j = 0; j < a.GetLength(1); j++)
            t[j, i] = a[i, j];
        return t;
    }

    internal static double Trace(double[,] a) => Enumerable.Range(0, a.GetLength(0)).Sum(i => a[i, i]);

    internal static double MaxDeviationFromIdentity(double[,] a)
    {
        var worst = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        for (var j = 0; j < a.GetLength(1); j++)
            worst = Math.Max(worst, Math.Abs(a[i, j] - (i == j ? 1 : 0)));
        return worst;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var c = new double[a.GetLength(0), b.GetLength(1)];
        for (var i = 0; i < a.GetLength(0); i++)
        for (var k = 0; k < a.GetLength(1); k++)
        for (var j = 0; j < b.GetLength(1); j++)
            c[i, j] += a[i, k] * b[k, j];
        return c;
    }
}
