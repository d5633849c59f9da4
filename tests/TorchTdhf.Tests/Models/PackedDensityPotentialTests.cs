using TorchSharp;
using TorchTdhf.Models;
using TorchTdhf.Tests.Training;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Models;

public class PackedDensityPotentialTests
{
    // The three real parameterisations (the test-only bilinear model is not packed).
    public static TheoryData<string> Models => new(ModelKinds.All.Select(kind => kind.Name()));

    [Theory]
    [MemberData(nameof(Models))]
    public void PackedProductsEqualTheUnpackedOnesBitForBit(string name)
    {
        using var scope = torch.NewDisposeScope();
        const int n = 5;
        using var model = LearnableModels.Create(name, n, seed: 21);
        var packed = Assert.IsAssignableFrom<IPackedDensityPotential>(model);
        using var set = ResidualProblems.Random(6, n, seed: 22);
        var g = new torch.Generator(23);
        var theta = torch.randn(model.ParameterCount, ScalarType.Float64, generator: g);
        var cotangent = torch.complex(torch.randn(new long[] { 6, n, n }, ScalarType.Float64, generator: g), torch.randn(new long[] { 6, n, n }, ScalarType.Float64, generator: g));
        var rows = packed.PackDensities(set.Densities);
        Assert.Equal(new long[] { 6, packed.PackedDensityLength }, rows.shape);
        Assert.True(model.ApplyWith(theta, set.Densities).eq(packed.ApplyWithPacked(theta, rows)).all().item<bool>());
        Assert.True(model.Adjoint(set.Densities, cotangent).eq(packed.AdjointPacked(rows, cotangent)).all().item<bool>());
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void RejectsPackedDensitiesOfTheWrongShape(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var model = LearnableModels.Create(name, 3, seed: 24);
        var packed = (IPackedDensityPotential)model;
        var theta = torch.zeros(model.ParameterCount, ScalarType.Float64);
        Assert.Throws<ArgumentException>(() => packed.ApplyWithPacked(theta, torch.zeros(2, 8, ScalarType.Float64)));
        Assert.Throws<ArgumentException>(() => packed.AdjointPacked(torch.zeros(2, 9, ScalarType.Float64), torch.zeros(3, 3, 3, ScalarType.ComplexFloat64)));
    }
}
