using System.Numerics;
using TorchSharp;
using TorchTdhf.Dynamics;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

/// <summary>The one-product commutator the equation uses for an exactly Hermitian potential.</summary>
public class HermitianCommutatorTests
{
    [Fact]
    public void EqualsTheTwoProductCommutatorForHermitianDensities()
    {
        using var reference = ReferenceCase.Water();
        using var equation = reference.Equation(SinusoidalField.Paper());
        using var scope = torch.NewDisposeScope();
        var density = Models.TruePotentialTests.RandomHermitian(4, reference.BasisSize, seed: 5);
        var fock = equation.Fock(density, 3.0);
        var expected = (fock.matmul(density) - density.matmul(fock)) * new Complex(0, -1);
        var derivative = equation.TimeDerivative(density, 3.0);
        Assert.True((derivative - expected).abs().max().item<double>() < 1e-12);
        Assert.Equal(0, (derivative - derivative.mH).abs().max().item<double>());
    }

    [Fact]
    public void PotentialAndFockAreExactlyHermitian()
    {
        using var reference = ReferenceCase.Water();
        using var equation = reference.Equation(SinusoidalField.Paper());
        using var scope = torch.NewDisposeScope();
        // Not Hermitian: G is defined on the Hermitian part, and its result is Hermitian to the last bit.
        var density = torch.randn(new long[] { 2, reference.BasisSize, reference.BasisSize }, ScalarType.ComplexFloat64, generator: new Generator(9));
        var g = reference.Potential.Apply(density);
        Assert.Equal(0, (g - g.mH).abs().max().item<double>());
        var fromHermitianPart = reference.Potential.Apply((0.5 * (density + density.mH)).resolve_conj());
        Assert.True((g - fromHermitianPart).abs().max().item<double>() < 1e-13);
        var fock = equation.Fock(density, 3.0);
        Assert.Equal(0, (fock - fock.mH).abs().max().item<double>());
    }

    [Theory]
    [InlineData("rk4")]
    [InlineData("magnus4")]
    [InlineData("expmid")]
    public void PropagatedDensitiesStayExactlyHermitian(string propagator)
    {
        using var reference = ReferenceCase.Water();
        using var equation = reference.Equation(new SinusoidalField(0.5, 0.5, CartesianVector.UnitZ, cycles: 1));
        using var scope = torch.NewDisposeScope();
        // The reference file's density is Hermitian only to round-off; start from its Hermitian part.
        var start = Hermitian.Part(reference.InitialDensity);
        var frames = Propagation.Run(Propagators.Create(propagator), equation, start, 0.05, 20, stride: 5);
        Assert.Equal(0, (frames - frames.mH).abs().max().item<double>());
    }
}
