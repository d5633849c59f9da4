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
        var (symmetric, antisymmetric) = packed.Kernels(theta);
        Assert.True(model.ApplyWith(theta, set.Densities).eq(packed.ApplyKernels(symmetric, antisymmetric, rows)).all().item<bool>());
        var (ds, da) = packed.KernelAdjoint(rows, cotangent);
        Assert.True(model.Adjoint(set.Densities, cotangent).eq(packed.ParameterAdjoint(ds, da)).all().item<bool>());

        // Summing kernel gradients over chunks before unfolding equals summing the parameter gradients.
        var (s1, a1) = packed.KernelAdjoint(rows.narrow(0, 0, 2), cotangent.narrow(0, 0, 2));
        var (s2, a2) = packed.KernelAdjoint(rows.narrow(0, 2, 4), cotangent.narrow(0, 2, 4));
        var chunked = model.Adjoint(set.Densities.narrow(0, 0, 2), cotangent.narrow(0, 0, 2)) + model.Adjoint(set.Densities.narrow(0, 2, 4), cotangent.narrow(0, 2, 4));
        Assert.True((packed.ParameterAdjoint(s1 + s2, a1 + a2) - chunked).abs().max().item<double>() < 1e-12);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void RejectsPackedDensitiesOfTheWrongShape(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var model = LearnableModels.Create(name, 3, seed: 24);
        var packed = (IPackedDensityPotential)model;
        var theta = torch.zeros(model.ParameterCount, ScalarType.Float64);
        var (symmetric, antisymmetric) = packed.Kernels(theta);
        Assert.Throws<ArgumentException>(() => packed.ApplyKernels(symmetric, antisymmetric, torch.zeros(2, 8, ScalarType.Float64)));
        Assert.Throws<ArgumentException>(() => packed.KernelAdjoint(torch.zeros(2, 9, ScalarType.Float64), torch.zeros(3, 3, 3, ScalarType.ComplexFloat64)));
        Assert.Throws<ArgumentException>(() => packed.Kernels(torch.zeros(model.ParameterCount + 1, ScalarType.Float64)));
    }
}
