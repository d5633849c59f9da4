using TorchSharp;
using TorchTdhf.Dynamics;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

/// <summary>
/// Global error at a fixed end time against a much finer run, for dt and dt/2: the ratio is 2ᵖ for a scheme of
/// order p. The problem is smooth (the pulse stays on throughout) and strongly driven (a kick plus a strong field),
/// so the errors stand far above round-off.
/// </summary>
public class ConvergenceOrderTests(ITestOutputHelper output)
{
    private const double EndTime = 2.4;

    [Theory]
    [InlineData("rk4", 16.0)]
    [InlineData("magnus4", 16.0)]
    [InlineData("expmid", 4.0)]
    public void ErrorRatioWhenHalvingTheStepMatchesTheOrder(string propagator, double expectedRatio)
    {
        using var reference = ReferenceCase.HeHPlus();
        using var equation = new TdhfEquation(reference.CoreHamiltonian, reference.Position, reference.Potential,
            new[] { new SinusoidalField(0.2, 0.7, CartesianVector.UnitZ, duration: 10) });
        using var scope = torch.NewDisposeScope();
        using var kick = new TdhfEquation(reference.CoreHamiltonian, reference.Position, reference.Potential, new DeltaKick(0.3, new CartesianVector(1, 0, 1)));
        var start = kick.ApplyInitialKicks(reference.InitialDensity);

        var exact = EndState(new MuntheKaas4(), equation, start, 0.2 / 16);
        var coarse = (EndState(Propagators.Create(propagator), equation, start, 0.2) - exact).abs().max().item<double>();
        var fine = (EndState(Propagators.Create(propagator), equation, start, 0.1) - exact).abs().max().item<double>();
        var ratio = coarse / fine;
        output.WriteLine($"{propagator}: error {coarse:E3} at dt = 0.2, {fine:E3} at dt = 0.1, ratio {ratio:F2}");
        Assert.True(fine > 1e-10, "errors must stand well above round-off for the ratio to mean anything");
        Assert.InRange(ratio, 0.8 * expectedRatio, 1.2 * expectedRatio);
    }

    private static Tensor EndState(IPropagator propagator, TdhfEquation equation, Tensor start, double timeStep)
    {
        var steps = (int)Math.Round(EndTime / timeStep);
        using var frames = Propagation.Run(propagator, equation, start, timeStep, steps, stride: steps);
        return frames[0, -1];
    }
}
