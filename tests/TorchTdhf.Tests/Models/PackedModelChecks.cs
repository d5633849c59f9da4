using TorchSharp;
using TorchSharp.Modules;
using TorchTdhf.Chemistry;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Models;

/// <summary>
/// Checks every learnable potential must pass: the hand-derived linear map and adjoint against the module's
/// autograd, the adjoint identity, exact Hermiticity, the true potential's representation and argument checks.
/// </summary>
internal static class PackedModelChecks
{
    private const double Tolerance = 1e-10;

    public static void ApplyWithEqualsApplyAndParametersRoundTrip(ILearnablePotential model, int n)
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal((long)n * n * n * n, model.ParameterCount);
        var theta = RandomVector(model.ParameterCount, seed: 5);
        model.SetParameters(theta);
        Assert.True(model.GetParameters().eq(theta).all().item<bool>(), "GetParameters should return what SetParameters stored");
        var density = TruePotentialTests.RandomHermitian(3, n, seed: 6);
        AssertClose(model.Apply(density), model.ApplyWith(theta, density), "ApplyWith(θ, P) vs Apply(P)");
        AssertClose(((nn.Module<Tensor, Tensor>)model.Module).call(density), model.Apply(density), "forward vs Apply");
    }

    public static void ParametersAreTheNamedModuleParameters(ILearnablePotential model, IReadOnlyList<long[]> shapes)
    {
        var named = model.Module.named_parameters().ToList();
        Assert.Equal(model.ParameterNames, named.Select(p => p.name).ToList());
        for (var p = 0; p < shapes.Count; p++)
        {
            Assert.Equal(shapes[p], named[p].parameter.shape);
            Assert.Equal(ScalarType.Float64, named[p].parameter.dtype);
            Assert.True(named[p].parameter.requires_grad);
        }
    }

    public static void AdjointEqualsAutogradGradient(ILearnablePotential model, int n)
    {
        using var scope = torch.NewDisposeScope();
        var density = TruePotentialTests.RandomHermitian(4, n, seed: 8);
        var cotangent = RandomComplex(4, n, seed: 9);
        var loss = (torch.view_as_real(model.Apply(density)) * torch.view_as_real(cotangent)).sum();
        var gradients = torch.autograd.grad(new[] { loss }, Parameters(model));
        var autograd = torch.cat(gradients.Select(g => g.reshape(-1)).ToArray(), 0);
        AssertClose(model.Adjoint(density, cotangent), autograd, "Adjoint(P, Y) vs autograd");
    }

    public static void ApplyWithEqualsDoubleBackwardJvp(ILearnablePotential model, int n)
    {
        using var scope = torch.NewDisposeScope();
        var density = TruePotentialTests.RandomHermitian(3, n, seed: 10);
        var direction = RandomVector(model.ParameterCount, seed: 11);
        var parameters = Parameters(model);
        var output = torch.view_as_real(model.Apply(density));
        var probe = torch.zeros_like(output).requires_grad_(true);
        // g(u) = Jᵀu is linear in u, so the gradient of ⟨g(u), v⟩ with respect to u is J v.
        var transposed = torch.autograd.grad(new[] { output }, parameters, new[] { probe }, create_graph: true);
        var offset = 0L;
        var inner = torch.zeros(1, ScalarType.Float64);
        foreach (var g in transposed)
        {
            inner = inner + (g.reshape(-1) * direction.narrow(0, offset, g.numel())).sum();
            offset += g.numel();
        }
        var jvp = torch.autograd.grad(new[] { inner }, new[] { probe })[0];
        AssertClose(torch.view_as_real(model.ApplyWith(direction, density)), jvp, "ApplyWith(v, P) vs double-backward J·v");
    }

    public static void AdjointIdentityHolds(ILearnablePotential model, int n)
    {
        using var scope = torch.NewDisposeScope();
        var density = TruePotentialTests.RandomHermitian(5, n, seed: 12);
        var cotangent = RandomComplex(5, n, seed: 13);
        var direction = RandomVector(model.ParameterCount, seed: 14);
        var left = (torch.view_as_real(model.ApplyWith(direction, density)) * torch.view_as_real(cotangent)).sum().item<double>();
        var right = (direction * model.Adjoint(density, cotangent)).sum().item<double>();
        Assert.True(Math.Abs(left - right) <= Tolerance * Math.Abs(left), $"⟨A v, Y⟩ = {left:R} vs ⟨v, Aᵀ Y⟩ = {right:R}");
    }

    public static void OutputIsExactlyHermitianAndSeesOnlyTheHermitianPart(ILearnablePotential model, int n)
    {
        using var scope = torch.NewDisposeScope();
        Assert.True(model.IsExactlyHermitian);
        var hermitian = TruePotentialTests.RandomHermitian(4, n, seed: 15);
        var potential = model.Apply(hermitian);
        Assert.True(torch.view_as_real(potential).eq(torch.view_as_real(potential.mH.resolve_conj())).all().item<bool>(), "G(P) should equal G(P)† bit for bit");

        var arbitrary = RandomComplex(4, n, seed: 16);
        var hermitianPart = (0.5 * (arbitrary + arbitrary.mH)).resolve_conj();
        // Both through ApplyWith: Apply with parameters that require gradients takes the autograd path, whose GEMMs may
        // round differently in the last bit.
        var parameters = model.GetParameters();
        var fromArbitrary = model.ApplyWith(parameters, arbitrary);
        Assert.True(torch.view_as_real(fromArbitrary).eq(torch.view_as_real(model.ApplyWith(parameters, hermitianPart))).all().item<bool>(), "G(P) should equal G(½(P + P†)) bit for bit");
        Assert.True(torch.view_as_real(fromArbitrary).eq(torch.view_as_real(fromArbitrary.mH.resolve_conj())).all().item<bool>(), "G(P) should be Hermitian for any P");
    }

    public static void ReproducesTheTruePotential(Func<MolecularSystem, ILearnablePotential> fromTrue, string molecule, string basis)
    {
        using var system = new MolecularSystemBuilder().Build(new SystemSpec(molecule, basis));
        using var model = fromTrue(system);
        using var truth = new TruePotential(system.Eri);
        using var scope = torch.NewDisposeScope();
        var densities = torch.cat(new[] { system.GroundStateDensity.unsqueeze(0), TruePotentialTests.RandomHermitian(6, system.OrbitalCount, seed: 17) }, 0);
        var expected = truth.Apply(densities);
        var error = (model.Apply(densities) - expected).abs().max().item<double>();
        Assert.True(error <= 1e-12 * Math.Max(1, expected.abs().max().item<double>()), $"{molecule}/{basis}: max |G_model − G_true| = {error:E2}");
        AssertClose(model.ApplyWith(model.GetParameters(), densities), expected, $"{molecule}/{basis}: ApplyWith(θ_true)", 1e-12);
    }

    public static void RejectsBadArguments(ILearnablePotential model, int n)
    {
        using var scope = torch.NewDisposeScope();
        var good = TruePotentialTests.RandomHermitian(2, n, seed: 18);
        var theta = model.GetParameters();
        var real = torch.zeros(2, n, n, ScalarType.Float64);
        var wrongSize = torch.zeros(2, n + 1, n + 1, ScalarType.ComplexFloat64);
        var unbatched = torch.zeros(n, n, ScalarType.ComplexFloat64);
        foreach (var bad in new[] { real, wrongSize, unbatched })
        {
            Assert.Equal("density", Assert.Throws<ArgumentException>(() => model.Apply(bad)).ParamName);
            Assert.Equal("density", Assert.Throws<ArgumentException>(() => model.ApplyWith(theta, bad)).ParamName);
            Assert.Equal("density", Assert.Throws<ArgumentException>(() => model.Adjoint(bad, good)).ParamName);
            Assert.Equal("cotangent", Assert.Throws<ArgumentException>(() => model.Adjoint(good, bad)).ParamName);
        }
        Assert.Equal("cotangent", Assert.Throws<ArgumentException>(() => model.Adjoint(good, good[..1])).ParamName);
        foreach (var badTheta in new[] { theta[..^1], theta.to(ScalarType.Float32), theta.unsqueeze(0) })
        {
            Assert.Equal("theta", Assert.Throws<ArgumentException>(() => model.ApplyWith(badTheta, good)).ParamName);
            Assert.Equal("theta", Assert.Throws<ArgumentException>(() => model.SetParameters(badTheta)).ParamName);
        }
    }

    /// <summary>The module's parameters in <see cref="ILearnablePotential.ParameterNames"/> order.</summary>
    public static Parameter[] Parameters(ILearnablePotential model)
    {
        var byName = model.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        return model.ParameterNames.Select(name => byName[name]).ToArray();
    }

    public static Tensor RandomVector(long count, int seed)
    {
        using var generator = new Generator((ulong)seed);
        return torch.randn(new[] { count }, ScalarType.Float64, generator: generator);
    }

    /// <summary>Arbitrary (non-Hermitian) [B, n, n] complex128 matrices.</summary>
    public static Tensor RandomComplex(int batch, int n, int seed)
    {
        using var generator = new Generator((ulong)seed);
        return torch.randn(new long[] { batch, n, n }, ScalarType.ComplexFloat64, generator: generator);
    }

    public static void AssertClose(Tensor actual, Tensor expected, string what, double tolerance = Tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        var error = (actual - expected).abs().pow(2).sum().sqrt().item<double>();
        var size = expected.abs().pow(2).sum().sqrt().item<double>();
        Assert.True(size > 0, $"{what}: the reference is zero, so the comparison would prove nothing");
        Assert.True(error <= tolerance * size, $"{what}: relative error {error / size:E2}");
    }
}
