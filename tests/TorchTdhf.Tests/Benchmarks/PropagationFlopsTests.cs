using TorchTdhf.Benchmarks;

namespace TorchTdhf.Tests.Benchmarks;

public class PropagationFlopsTests
{
    private const double Potential = 1000;

    [Fact]
    public void ComplexProductCountsEightFlopsPerMultiplyAdd() => Assert.Equal(8.0 * 29 * 29 * 29, PropagationFlops.ComplexProduct(29));

    [Fact]
    public void Rk4CountsFourFockBuildsAndOneCommutatorProductEachForAHermitianPotential()
    {
        // N = 2: one complex product is 64 flops.
        Assert.Equal(4 * (Potential + 64), PropagationFlops.PerTrajectoryStep("rk4", 2, Potential, exactlyHermitianPotential: true, fockBuildsPerStep: 4));
        Assert.Equal(4 * (Potential + 128), PropagationFlops.PerTrajectoryStep("rk4", 2, Potential, exactlyHermitianPotential: false, fockBuildsPerStep: 4));
    }

    [Theory]
    [InlineData("magnus4")]
    [InlineData("MK4")]
    [InlineData("rkmk4")]
    public void Magnus4CountsFourExponentialsConjugationsAndCorrections(string name)
    {
        // Four exponentials of eight products, four conjugations of two and three corrections of two: 46 products.
        Assert.Equal(4 * Potential + 46 * 64, PropagationFlops.PerTrajectoryStep(name, 2, Potential, true, fockBuildsPerStep: 4));
    }

    [Fact]
    public void ExponentialMidpointScalesWithTheFockBuildsCounted()
    {
        // Per iteration: G, an exponential (8) and a conjugation (2); per step: one squaring and one conjugation (3).
        Assert.Equal(3 * (Potential + 10 * 64) + 3 * 64, PropagationFlops.PerTrajectoryStep("expmid", 2, Potential, true, fockBuildsPerStep: 3));
        Assert.Equal(2 * (Potential + 10 * 64) + 3 * 64, PropagationFlops.PerTrajectoryStep("magnus2", 2, Potential, true, fockBuildsPerStep: 2));
    }

    [Fact]
    public void UnknownIntegratorIsAnInputError() =>
        Assert.Throws<TdhfInputException>(() => PropagationFlops.PerTrajectoryStep("euler", 2, Potential, true, 1));
}
