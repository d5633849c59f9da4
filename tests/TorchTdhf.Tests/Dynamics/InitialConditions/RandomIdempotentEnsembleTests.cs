using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics.InitialConditions;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics.InitialConditions;

public class RandomIdempotentEnsembleTests
{
    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(1, 1.0)]
    [InlineData(42, 3.0)]
    [InlineData(7, 10.0)]
    public void MembersAreClosedShellDensitiesWithTheRightElectronCount(long seed, double factor)
    {
        using var scope = torch.NewDisposeScope();
        var p0 = TestDensities.Aufbau(6, 4);
        var ensemble = RandomIdempotentEnsemble.Generate(p0, 4, factor, seed, 12);
        Assert.Equal(new long[] { 12, 6, 6 }, ensemble.shape);
        Assert.Equal(ScalarType.ComplexFloat64, ensemble.dtype);
        Assert.True(TestDensities.HermiticityError(ensemble) <= 1e-12);
        Assert.True(TestDensities.IdempotencyError(ensemble) <= 1e-12, $"P² − 2P = {TestDensities.IdempotencyError(ensemble)}");
        Assert.True(TestDensities.TraceError(ensemble, 4) <= 1e-12);
        // The noise must actually move the members away from P0 and from each other.
        Assert.True((ensemble[0] - p0).abs().max().item<double>() > 1e-6);
        Assert.True((ensemble[0] - ensemble[1]).abs().max().item<double>() > 1e-6);
    }

    [Fact]
    public void AnEnsembleAroundTheRhfGroundStateKeepsItsElectrons()
    {
        var integrals = AoIntegralsFile.Read(Fixtures.Reference("lih_6-31g.npz")).Integrals;
        using var system = MolecularSystem.Compute("lih_6-31g", integrals);
        using var scope = torch.NewDisposeScope();
        var spec = new RandomEnsembleSpec(new GroundStateSpec(), Factor: 10, Seed: 2024, Count: 16);
        var ensemble = RandomIdempotentEnsemble.Generate(system.GroundStateDensity, system.ElectronCount, spec);
        Assert.Equal(new long[] { 16, system.OrbitalCount, system.OrbitalCount }, ensemble.shape);
        Assert.True(TestDensities.IdempotencyError(ensemble) <= 1e-12);
        Assert.True(TestDensities.TraceError(ensemble, system.ElectronCount) <= 1e-12);
    }

    [Fact]
    public void SameSeedGivesTheSameBytesAndOtherSeedsDiffer()
    {
        using var scope = torch.NewDisposeScope();
        var p0 = TestDensities.Aufbau(5, 4);
        var spec = new RandomEnsembleSpec(new GroundStateSpec(), 10, Seed: 123, Count: 4);
        var first = TestDensities.Bytes(RandomIdempotentEnsemble.Generate(p0, 4, spec));
        var again = TestDensities.Bytes(RandomIdempotentEnsemble.Generate(p0, 4, spec));
        var other = TestDensities.Bytes(RandomIdempotentEnsemble.Generate(p0, 4, spec with { Seed = 124 }));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void ZeroNoiseReturnsTheBaseDensity()
    {
        using var scope = torch.NewDisposeScope();
        var p0 = TestDensities.Aufbau(4, 2);
        var ensemble = RandomIdempotentEnsemble.Generate(p0, 2, 0.0, 0, 2);
        Assert.True((ensemble - p0).abs().max().item<double>() < 1e-14);
    }

    [Theory]
    [InlineData(-1.0, 0L, 3, "factor")]
    [InlineData(double.NaN, 0L, 3, "factor")]
    [InlineData(1.0, -5L, 3, "seed")]
    [InlineData(1.0, 0L, 0, "count")]
    public void RejectsBadOptionsNamingThem(double factor, long seed, int count, string key)
    {
        using var p0 = TestDensities.Aufbau(4, 2);
        var error = Assert.Throws<TdhfInputException>(() => RandomIdempotentEnsemble.Generate(p0, 2, factor, seed, count));
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void RejectsAnOddElectronCount()
    {
        using var p0 = TestDensities.Aufbau(4, 2);
        var error = Assert.Throws<TdhfInputException>(() => RandomIdempotentEnsemble.Generate(p0, 3, 1, 0, 2));
        Assert.Equal("electrons", error.Key);
    }
}
