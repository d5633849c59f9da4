using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Models;

public class HermitianTensorModelTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    public void ApplyWithEqualsApplyAndParametersRoundTrip(int n)
    {
        using var model = new HermitianTensorModel(n);
        Assert.Equal(ModelKind.Herm, model.Kind);
        Assert.Equal(new[] { "beta", "gamma" }, model.ParameterNames);
        PackedModelChecks.ParametersAreTheNamedModuleParameters(model, new[] { new long[] { n * n, n * (n + 1) / 2 }, new long[] { n * n, n * (n - 1) / 2 } });
        PackedModelChecks.ApplyWithEqualsApplyAndParametersRoundTrip(model, n);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    public void AdjointEqualsAutogradGradient(int n)
    {
        using var model = HermitianTensorModel.Random(n, seed: 1);
        PackedModelChecks.AdjointEqualsAutogradGradient(model, n);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    public void ApplyWithEqualsDoubleBackwardJvp(int n)
    {
        using var model = HermitianTensorModel.Random(n, seed: 2);
        PackedModelChecks.ApplyWithEqualsDoubleBackwardJvp(model, n);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    public void AdjointIdentityHolds(int n)
    {
        using var model = new HermitianTensorModel(n);
        PackedModelChecks.AdjointIdentityHolds(model, n);
    }

    [Fact]
    public void AdjointIsEqualOnMirrorRowsAndZeroOnTheImaginaryDiagonal()
    {
        const int n = 5;
        using var model = new HermitianTensorModel(n);
        using var scope = torch.NewDisposeScope();
        var density = PackedModelChecks.RandomComplex(3, n, seed: 3);
        var cotangent = PackedModelChecks.RandomComplex(3, n, seed: 4);
        var gradient = model.Adjoint(density, cotangent);
        var beta = gradient[..(n * n * n * (n + 1) / 2)].reshape(n, n, -1);
        var gamma = gradient[(n * n * n * (n + 1) / 2)..].reshape(n, n, -1);
        // Only β[kl] + β[lk] and γ[kl] − γ[lk] reach G, so the gradient cannot tell the mirrors apart.
        Assert.True(beta.eq(beta.transpose(0, 1)).all().item<bool>(), "β gradient should be symmetric in (k, l)");
        Assert.True(gamma.eq(gamma.transpose(0, 1).neg()).all().item<bool>(), "γ gradient should be antisymmetric in (k, l)");
        Assert.True(beta.abs().max().item<double>() > 0 && gamma.abs().max().item<double>() > 0);
    }

    [Fact]
    public void AnyParametersGiveAnExactlyHermitianPotential()
    {
        foreach (var n in new[] { 4, 7 })
        {
            using var model = HermitianTensorModel.Random(n, seed: 5);
            PackedModelChecks.OutputIsExactlyHermitianAndSeesOnlyTheHermitianPart(model, n);
        }
    }

    [Theory]
    [InlineData("heh+", "6-31g")]
    [InlineData("h2o", "sto-3g")]
    public void FromTrueReproducesTheTruePotential(string molecule, string basis)
        => PackedModelChecks.ReproducesTheTruePotential(system => HermitianTensorModel.FromTrue(system), molecule, basis);

    [Fact]
    public void RejectsBadArguments()
    {
        using var model = HermitianTensorModel.Random(4, seed: 6);
        PackedModelChecks.RejectsBadArguments(model, 4);
        using var notSquare = torch.zeros(4, 4, 4, 3, dtype: ScalarType.Float64);
        Assert.Equal("eri", Assert.Throws<ArgumentException>(() => HermitianTensorModel.FromTrue(notSquare)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new HermitianTensorModel(0));
    }

    [Fact]
    public void FlopCountsAreThePackedProducts()
    {
        using var model = new HermitianTensorModel(7);
        Assert.Equal(10L * 2 * (28 * 28 + 21 * 21), model.FlopsPerApply(10));
        Assert.Equal(model.FlopsPerApply(10), model.FlopsPerAdjoint(10));
    }
}
