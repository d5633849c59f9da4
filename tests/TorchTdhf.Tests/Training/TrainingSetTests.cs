using TorchSharp;
using TorchTdhf.Training;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training;

public class TrainingSetTests
{
    [Fact]
    public void KeepsTheExactHermitianPartOfGivenDensities()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.complex(torch.randn(3, 4, 4, ScalarType.Float64), torch.randn(3, 4, 4, ScalarType.Float64));
        var hermitian = x + x.mH;
        var roundOff = hermitian + 1e-13 * torch.randn(3, 4, 4, ScalarType.Float64);
        using var set = TrainingSet.FromSamples(roundOff, x, "synthetic");
        Assert.True(set.Densities.eq(set.Densities.mH.resolve_conj()).all().item<bool>());
        Assert.True(torch.view_as_real(set.Densities - hermitian).abs().max().item<double>() < 1e-12);
    }

    [Fact]
    public void RejectsDensitiesThatAreNotHermitian()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.complex(torch.randn(3, 4, 4, ScalarType.Float64), torch.randn(3, 4, 4, ScalarType.Float64));
        var error = Assert.Throws<TdhfInputException>(() => TrainingSet.FromSamples(x, x, "synthetic"));
        Assert.Contains("not Hermitian", error.Message);
        Assert.Equal("P", error.Key);
    }
}
