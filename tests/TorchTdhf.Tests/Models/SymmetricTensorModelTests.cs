using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Models;

public class SymmetricTensorModelTests
{
    private const double Tolerance = 1e-10;

    public static TheoryData<int> Sizes => new() { 4, 7, 11 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ApplyIsTheDenseFormulaOnTheExpandedTensor(int n)
    {
        using var model = SymmetricTensorModel.Random(n, seed: n);
        using var scope = torch.NewDisposeScope();
        var density = TruePotentialTests.RandomHermitian(3, n, seed: 1);
        var full = model.Expand();
        var kernel = full - 0.5 * full.permute(0, 2, 1, 3);
        var expected = torch.einsum("ijkl,bkl->bij", torch.complex(kernel, torch.zeros_like(kernel)), density);
        AssertClose(expected, model.Apply(density));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ApplyWithEqualsApplyAfterSettingTheParameters(int n)
    {
        using var model = new SymmetricTensorModel(n);
        using var scope = torch.NewDisposeScope();
        Assert.Equal((long)n * (n + 1) * (n * n + n + 2) / 8, model.ParameterCount);
        Assert.Equal(ScalarType.Float64, model.GetParameters().dtype);
        Assert.Equal(0, model.GetParameters().abs().max().item<double>());
        var theta = RandomVector(model.ParameterCount, seed: 2);
        var density = TruePotentialTests.RandomHermitian(5, n, seed: 3);
        var withTheta = model.ApplyWith(theta, density);
        model.SetParameters(theta);
        Assert.True(EightFoldPackingTests.Identical(model.GetParameters(), theta));
        AssertClose(withTheta, model.Apply(density));
    }

    [Fact]
    public void ModuleHoldsOneParameterNamedWAndNothingElse()
    {
        using var model = SymmetricTensorModel.Random(4, seed: 1);
        Assert.Same(model, model.Module);
        Assert.Equal(ModelKind.Symm, model.Kind);
        Assert.Equal(new[] { "w" }, model.ParameterNames);
        var (name, parameter) = Assert.Single(model.Module.named_parameters());
        Assert.Equal("w", name);
        Assert.Equal(new[] { model.ParameterCount }, parameter.shape);
        Assert.Equal(new[] { "w" }, model.Module.state_dict().Keys);
        Assert.True(EightFoldPackingTests.Identical(model.GetParameters(), parameter));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void AdjointEqualsTheAutogradVectorJacobianProduct(int n)
    {
        using var model = SymmetricTensorModel.Random(n, seed: 10 + n);
        using var scope = torch.NewDisposeScope();
        var density = TruePotentialTests.RandomHermitian(4, n, seed: 4);
        var cotangent = RandomComplex(4, n, seed: 5);
        var weights = model.Module.parameters().Single();
        var loss = (torch.view_as_real(model.Apply(density)) * torch.view_as_real(cotangent)).sum();
        var autograd = torch.autograd.grad(new[] { loss }, new[] { weights })[0];
        AssertClose(autograd, model.Adjoint(density, cotangent));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ApplyWithEqualsTheJacobianVectorProductByDoubleBackward(int n)
    {
        using var model = SymmetricTensorModel.Random(n, seed: 20 + n);
        using var scope = torch.NewDisposeScope();
        var density = TruePotentialTests.RandomHermitian(4, n, seed: 6);
        var direction = RandomVector(model.ParameterCount, seed: 7);
        var weights = model.Module.parameters().Single();
        var output = torch.view_as_real(model.Apply(density));
        var dual = torch.randn_like(output).requires_grad_(true);
        var pulledBack = torch.autograd.grad(new[] { output }, new[] { weights }, new[] { dual }, create_graph: true)[0];
        var jvp = torch.autograd.grad(new[] { (pulledBack * direction).sum() }, new[] { dual })[0];
        AssertClose(jvp, torch.view_as_real(model.ApplyWith(direction, density)));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void AdjointSatisfiesTheInnerProductIdentity(int n)
    {
        using var model = new SymmetricTensorModel(n);
        using var scope = torch.NewDisposeScope();
        var density = TruePotentialTests.RandomHermitian(6, n, seed: 8);
        var cotangent = RandomComplex(6, n, seed: 9);
        var direction = RandomVector(model.ParameterCount, seed: 10);
        var left = (torch.view_as_real(model.ApplyWith(direction, density)) * torch.view_as_real(cotangent)).sum().item<double>();
        var right = (direction * model.Adjoint(density, cotangent)).sum().item<double>();
        Assert.True(Math.Abs(left - right) <= Tolerance * Math.Abs(right), $"⟨Av, Y⟩ = {left:R}, ⟨v, AᵀY⟩ = {right:R}");
    }

    [Theory]
    [InlineData("heh+", "6-31g")]
    [InlineData("h2o", "sto-3g")]
    public void FromTrueReproducesTheTruePotential(string molecule, string basis)
    {
        using var system = new MolecularSystemBuilder().Build(new SystemSpec(molecule, basis));
        using var model = SymmetricTensorModel.FromTrue(system);
        using var truth = new TruePotential(system.Eri);
        using var scope = torch.NewDisposeScope();
        Assert.True(EightFoldPackingTests.Identical(model.GetParameters(), EightFoldPacking.Pack(system.Eri)));
        var eriScale = system.Eri.abs().max().item<double>();
        Assert.True((model.Expand() - system.Eri).abs().max().item<double>() <= 1e-12 * eriScale);
        var density = TruePotentialTests.RandomHermitian(8, system.OrbitalCount, seed: 11);
        var expected = truth.Apply(density);
        var deviation = (model.Apply(density) - expected).abs().max().item<double>();
        Assert.True(deviation <= 1e-12 * expected.abs().max().item<double>(), $"max deviation {deviation:E2}");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void PotentialIsExactlyHermitianAndSeesOnlyTheHermitianPart(int n)
    {
        using var model = SymmetricTensorModel.Random(n, seed: 30 + n);
        using var scope = torch.NewDisposeScope();
        Assert.True(model.IsExactlyHermitian);
        var density = TruePotentialTests.RandomHermitian(3, n, seed: 12);
        var potential = model.Apply(density);
        Assert.True(EightFoldPackingTests.Identical(potential, potential.mH.resolve_conj()));
        var general = RandomComplex(3, n, seed: 13);
        var hermitianPart = (0.5 * (general + general.mH)).resolve_conj();
        Assert.True(EightFoldPackingTests.Identical(model.Apply(general), model.Apply(hermitianPart)));
    }

    [Fact]
    public void FlopCountsAreThoseOfThePackedProducts()
    {
        using var model = new SymmetricTensorModel(29);
        Assert.Equal(1000L * 29 * 29 * (29 * 29 + 1), model.FlopsPerApply(1000));
        Assert.Equal(model.FlopsPerApply(1000), model.FlopsPerAdjoint(1000));
    }

    [Fact]
    public void RejectsArgumentsOfTheWrongShapeOrType()
    {
        using var model = new SymmetricTensorModel(4);
        using var scope = torch.NewDisposeScope();
        var density = TruePotentialTests.RandomHermitian(2, 4, seed: 1);
        var theta = torch.zeros(model.ParameterCount, ScalarType.Float64);
        void Rejects(string argument, Action action) => Assert.Equal(argument, Assert.Throws<ArgumentException>(action).ParamName);

        Rejects("theta", () => model.ApplyWith(torch.zeros(model.ParameterCount + 1, ScalarType.Float64), density));
        Rejects("theta", () => model.ApplyWith(torch.zeros(model.ParameterCount, ScalarType.Float32), density));
        Rejects("theta", () => model.SetParameters(theta.reshape(1, -1)));
        Rejects("density", () => model.ApplyWith(theta, density.real));
        Rejects("density", () => model.Apply(torch.zeros(2, 3, 3, dtype: ScalarType.ComplexFloat64)));
        Rejects("density", () => model.Adjoint(density[0], density));
        Rejects("cotangent", () => model.Adjoint(density, density[0]));
        Rejects("cotangent", () => model.Adjoint(density, density[..1]));
        Rejects("eri", () => SymmetricTensorModel.FromTrue(torch.zeros(new long[] { 4, 4, 4, 4 }, ScalarType.Float32)));
        Rejects("eri", () => SymmetricTensorModel.FromTrue(torch.zeros(new long[] { 4, 4, 4 }, ScalarType.Float64)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SymmetricTensorModel(0));
    }

    private static Tensor RandomVector(long length, int seed)
    {
        using var generator = new Generator((ulong)seed);
        return torch.randn(new[] { length }, ScalarType.Float64, generator: generator);
    }

    private static Tensor RandomComplex(int batch, int n, int seed)
    {
        using var generator = new Generator((ulong)seed);
        return torch.randn(new long[] { batch, n, n }, ScalarType.ComplexFloat64, generator: generator);
    }

    /// <summary>Max-norm relative error of <paramref name="actual"/> against <paramref name="expected"/>, at most <see cref="Tolerance"/>.</summary>
    private static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        var scale = expected.abs().max().item<double>();
        var error = (actual - expected).abs().max().item<double>();
        Assert.True(scale > 0, "the reference is zero");
        Assert.True(error <= Tolerance * scale, $"relative error {error / scale:E2}");
    }
}
