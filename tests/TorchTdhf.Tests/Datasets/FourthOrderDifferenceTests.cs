using TorchSharp;
using TorchTdhf.Datasets;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Datasets;

public class FourthOrderDifferenceTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void EveryPositionIsExactForQuarticsOnly(int position)
    {
        const double h = 0.1, t0 = 0.3;
        for (var degree = 0; degree <= 5; degree++)
        {
            var weights = FourthOrderDifference.Weights(position, h);
            var estimate = Enumerable.Range(0, 5).Sum(i => weights[i] * Math.Pow(t0 + i * h, degree));
            var exact = degree == 0 ? 0 : degree * Math.Pow(t0 + position * h, degree - 1);
            if (degree <= 4) Assert.Equal(exact, estimate, 1e-11);
            else Assert.NotEqual(exact, estimate, 1e-8);
        }
    }

    [Fact]
    public void WholeSeriesMatchesTheWindowFormulas()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.arange(0.0, 1.0, 0.1, ScalarType.Float64);
        var series = torch.stack(new[] { t.sin(), t.cos() }, 1);
        var derivative = FourthOrderDifference.AlongFirstDimension(series, 0.1);
        var expected = torch.stack(new[] { t.cos(), -t.sin() }, 1);
        Assert.True((derivative - expected).abs().max().item<double>() < 1e-4);
        var window = Enumerable.Range(3, 5).Select(i => series[i]).ToArray();
        Assert.True((derivative[5] - FourthOrderDifference.AtWindowPosition(window, 2, 0.1)).abs().max().item<double>() < 1e-15);
    }
}
