using TorchTdhf.Chemistry.Integrals;

namespace TorchTdhf.Tests.Chemistry.Integrals;

public sealed class IntegralOptionsTests
{
    [Theory]
    [InlineData(-1e-14)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RejectsAThresholdThatIsNotAFiniteNonNegativeNumber(double threshold)
    {
        var error = Assert.Throws<TdhfInputException>(() => new IntegralOptions { SchwarzThreshold = threshold });

        Assert.Equal(nameof(IntegralOptions.SchwarzThreshold), error.Key);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void RejectsAThreadCountThatIsNeitherAllNorPositive(int threads)
    {
        var error = Assert.Throws<TdhfInputException>(() => new IntegralOptions { MaxDegreeOfParallelism = threads });

        Assert.Equal(nameof(IntegralOptions.MaxDegreeOfParallelism), error.Key);
    }

    [Fact]
    public void RejectsANonFiniteDipoleOrigin()
    {
        Assert.Throws<TdhfInputException>(() => new IntegralOptions { DipoleOrigin = (0, double.NaN, 0) });
    }

    [Fact]
    public void DefaultsAreExactScreeningOnEveryCoreAboutTheOrigin()
    {
        var options = IntegralOptions.Default;

        Assert.Equal(1e-14, options.SchwarzThreshold);
        Assert.Equal(-1, options.MaxDegreeOfParallelism);
        Assert.Equal((0.0, 0.0, 0.0), options.DipoleOrigin);
    }
}
