using TorchSharp;
using TorchTdhf.Dynamics;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

public class ThroughputTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("rk4", 1)]
    [InlineData("rk4", 64)]
    [InlineData("magnus4", 64)]
    public void MeasuresStepsPerSecond(string propagator, int batch)
    {
        using var reference = ReferenceCase.Water();
        using var equation = reference.Equation(SinusoidalField.Paper());
        using var densities = reference.InitialDensity.expand(batch, -1, -1).contiguous();
        var result = Throughput.Measure(Propagators.Create(propagator), equation, densities, reference.TimeStep, 10);
        output.WriteLine($"{result.Propagator} B={result.BatchSize} N={result.BasisSize}: {result.StepsPerSecond:F0} steps/s, {result.TrajectoryStepsPerSecond:F0} trajectory-steps/s (threads {torch.get_num_threads()})");
        Assert.Equal(batch, result.BatchSize);
        Assert.True(result.StepsPerSecond > 0);
    }
}
