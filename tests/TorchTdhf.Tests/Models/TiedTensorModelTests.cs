using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Models;

public class TiedTensorModelTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    public void ApplyWithEqualsApplyAndParametersRoundTrip(int n)
    {
        using var model = new TiedTensorModel(n);
        Assert.Equal(ModelKind.Tied, model.Kind);
        Assert.Equal(new[] { "beta" }, model.ParameterNames);
        PackedModelChecks.ParametersAreTheNamedModuleParameters(model, new[] { new long[] { n * n, n * n } });
        PackedModelChecks.ApplyWithEqualsApplyAndParametersRoundTrip(model, n);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    public void AdjointEqualsAutogradGradient(int n)
    {
        using var model = TiedTensorModel.Random(n, seed: 1);
        PackedModelChecks.AdjointEqualsAutogradGradient(model, n);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    public void ApplyWithEqualsDoubleBackwardJvp(int n)
    {
        using var model = TiedTensorModel.Random(n, seed: 2);
        PackedModelChecks.ApplyWithEqualsDoubleBackwardJvp(model, n);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    public void AdjointIdentityHolds(int n)
    {
        using var model = new TiedTensorModel(n);
        PackedModelChecks.AdjointIdentityHolds(model, n);
    }

    [Fact]
    public void AdjointEqualsTheDenseFormulaOnHermitianParts()
    {
        const int n = 5;
        using var model = new TiedTensorModel(n);
        using var scope = torch.NewDisposeScope();
        var density = PackedModelChecks.RandomComplex(3, n, seed: 3);
        var cotangent = PackedModelChecks.RandomComplex(3, n, seed: 4);
        var p = (0.5 * (density + density.mH)).resolve_conj().reshape(3, n * n);
        var y = (0.5 * (cotangent + cotangent.mH)).resolve_conj().reshape(3, n * n);
        // Σ_b Re Pₕ[b, kl] Re Yₕ[b, ij] + Im Pₕ[b, kl] Im Yₕ[b, ij]: the adjoint of the unprojected [B, N²]·β products.
        var dense = p.real.mT.matmul(y.real) + p.imag.mT.matmul(y.imag);
        PackedModelChecks.AssertClose(model.Adjoint(density, cotangent), dense.reshape(-1), "Adjoint vs Re Pₕᵀ Re Yₕ + Im Pₕᵀ Im Yₕ");
    }

    [Fact]
    public void AnyParametersGiveAnExactlyHermitianPotential()
    {
        foreach (var n in new[] { 4, 7 })
        {
            using var model = TiedTensorModel.Random(n, seed: 5);
            PackedModelChecks.OutputIsExactlyHermitianAndSeesOnlyTheHermitianPart(model, n);
        }
    }

    [Theory]
    [InlineData("heh+", "6-31g")]
    [InlineData("h2o", "sto-3g")]
    public void FromTrueReproducesTheTruePotential(string molecule, string basis)
        => PackedModelChecks.ReproducesTheTruePotential(system => TiedTensorModel.FromTrue(system), molecule, basis);

    [Fact]
    public void RejectsBadArguments()
    {
        using var model = TiedTensorModel.Random(4, seed: 6);
        PackedModelChecks.RejectsBadArguments(model, 4);
        using var notSquare = torch.zeros(4, 4, 4, 3, dtype: ScalarType.Float64);
        Assert.Equal("eri", Assert.Throws<ArgumentException>(() => TiedTensorModel.FromTrue(notSquare)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TiedTensorModel(0));
    }

    [Fact]
    public void FlopCountsAreThePackedProducts()
    {
        using var model = new TiedTensorModel(7);
        Assert.Equal(10L * 2 * (28 * 28 + 21 * 21), model.FlopsPerApply(10));
        Assert.Equal(model.FlopsPerApply(10), model.FlopsPerAdjoint(10));
    }
}
