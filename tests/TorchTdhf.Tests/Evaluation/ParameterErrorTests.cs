using TorchSharp;
using TorchTdhf.Evaluation;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Evaluation;

public class ParameterErrorTests
{
    [Fact]
    public void MeasuresTheLargestAndMeanDeviation()
    {
        using var truth = torch.tensor(new[] { 1.0, -2.0, 0.5, 4.0 }, ScalarType.Float64);
        using var learned = torch.tensor(new[] { 1.5, -2.0, 0.25, 3.0 }, ScalarType.Float64);
        var error = ParameterError.Compute(learned, truth);
        Assert.Equal(1.0, error.MaxAbs);
        Assert.Equal((0.5 + 0 + 0.25 + 1.0) / 4, error.MeanAbs, 1e-15);
        Assert.Equal(4, error.ParameterCount);
        var same = ParameterError.Compute(truth, truth);
        Assert.Equal((0.0, 0.0), (same.MaxAbs, same.MeanAbs));
    }

    [Fact]
    public void RejectsMismatchedVectors()
    {
        using var a = torch.zeros(3, ScalarType.Float64);
        using var b = torch.zeros(4, ScalarType.Float64);
        using var c = torch.zeros(3, ScalarType.Float32);
        Assert.Throws<ArgumentException>(() => ParameterError.Compute(a, b));
        Assert.Throws<ArgumentException>(() => ParameterError.Compute(a, c));
    }
}
