using TorchTdhf.Dynamics.InitialConditions;

namespace TorchTdhf.Tests.Dynamics.InitialConditions;

public class InitialConditionSpecTests
{
    [Fact]
    public void RoundTripsThroughJsonWithAKindDiscriminator()
    {
        InitialConditionSpec spec = new RandomEnsembleSpec(new KickSpec(1e-3, new[] { 0.0, 0.0, 1.0 }), 10, 42, 100).ForMember(7);
        var json = spec.ToJson();
        Assert.StartsWith("{\"kind\":\"random\"", json);
        Assert.Contains("\"kind\":\"kick\"", json);
        var back = Assert.IsType<RandomEnsembleSpec>(InitialConditionSpec.FromJson(json));
        Assert.Equal(7, back.Member);
        Assert.Equal(42, back.Seed);
        var kick = Assert.IsType<KickSpec>(back.Base);
        Assert.Equal(new[] { 0.0, 0.0, 1.0 }, kick.Polarisation);
        Assert.Equal(json, back.ToJson());
    }

    [Fact]
    public void FileSpecsRecordTheConventionByName()
    {
        var json = new FileDensitySpec("p.npz", "p0_ensemble", DensityConvention.Paper, TraceChecked: false).ToJson();
        Assert.Contains("\"kind\":\"file\"", json);
        Assert.Contains("\"convention\":\"paper\"", json);
        Assert.Contains("\"traceChecked\":false", json);
        Assert.IsType<GroundStateSpec>(InitialConditionSpec.FromJson("{\"kind\":\"ground\"}"));
    }

    [Fact]
    public void UnknownKindsAreInputErrors()
    {
        var error = Assert.Throws<TdhfInputException>(() => InitialConditionSpec.FromJson("{\"kind\":\"magic\"}"));
        Assert.Equal("initialCondition", error.Key);
    }
}
