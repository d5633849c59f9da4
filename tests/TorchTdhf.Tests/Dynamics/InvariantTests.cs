using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics;
using TorchTdhf.Models;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

public class InvariantTests(ITestOutputHelper output)
{
    // Ten times the paper's amplitude at a higher frequency, so the density moves far from the ground state.
    private static readonly Field StrongField = new SinusoidalField(0.5, 0.5, new CartesianVector(0.3, 0, 1), cycles: 1);

    [Theory]
    [InlineData("magnus4")]
    [InlineData("expmid")]
    public void UnitarySchemesKeepTraceHermiticityAndIdempotencyToRoundOff(string propagator)
    {
        using var reference = ReferenceCase.Water();
        using var equation = reference.Equation(StrongField);
        using var scope = torch.NewDisposeScope();
        var frames = Propagation.Run(Propagators.Create(propagator), equation, reference.InitialDensity, 0.2, 60, stride: 5);
        var invariants = DensityInvariants.Of(frames, reference.ElectronCount);
        var moved = (frames[0, -1] - reference.InitialDensity[0]).abs().max().item<double>();
        output.WriteLine($"{propagator}: {invariants}; max |P(T) − P(0)| = {moved:E2}");
        Assert.True(moved > 1e-2, "the test field should drive the density well away from the ground state");
        Assert.True(invariants.Hermiticity < 1e-13, invariants.ToString());
        Assert.True(invariants.Trace < 1e-12, invariants.ToString());
        Assert.True(invariants.Idempotency < 1e-12, invariants.ToString());
    }

    [Theory]
    [Trait("Category", "Long")]
    [InlineData("heh+")]
    [InlineData("h2o")]
    public void Magnus4KeepsInvariantsOverTheWholePaperRun(string system)
    {
        using var reference = system == "heh+" ? ReferenceCase.HeHPlus() : ReferenceCase.Water();
        using var equation = reference.Equation(SinusoidalField.Paper());
        using var scope = torch.NewDisposeScope();
        var frames = Propagation.Run(new MuntheKaas4(), equation, reference.InitialDensity, reference.TimeStep, reference.Steps, stride: 1);
        var invariants = DensityInvariants.Of(frames, reference.ElectronCount);
        output.WriteLine($"{reference.Name} magnus4, 2000 steps: {invariants}");
        Assert.True(invariants.Hermiticity < 1e-13 && invariants.Trace < 1e-12 && invariants.Idempotency < 1e-12, invariants.ToString());
    }

    /// <summary>
    /// The SCF ground state under field-free magnus4, on the small-basis path and on libtorch's: [F, P] is at round-off
    /// and a step rounds only its change, not P itself, so nothing accumulates. Conjugating with U = e^{−iF dt} instead
    /// moved HeH+/6-311G by 2⁻⁵³ every step, 4·10⁻¹³ over these steps.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RhfGroundStateStaysPutToRoundOff(bool compact)
    {
        using var system = new MolecularSystemBuilder().Build(new SystemSpec("heh+", "6-311g"));
        using var potential = new TruePotential(system.Eri);
        using var equation = new TdhfEquation(system, compact ? potential : new OpaquePotential(potential), new Field[] { new NoField() });
        using var scope = torch.NewDisposeScope();
        var ground = system.GroundStateDensity.unsqueeze(0);
        var drift = 0.0;
        using var final = Propagation.RunToEnd(new MuntheKaas4(), equation, ground, 0.0008268, 2000, (_, _, p) =>
        {
            using var inner = torch.NewDisposeScope();
            drift = Math.Max(drift, (p - ground).abs().max().item<double>());
        });
        output.WriteLine($"HeH+/6-311G magnus4 ({(compact ? "compact" : "libtorch")}): max |P(t) − P(0)| over 2000 steps = {drift:E2}");
        Assert.True(drift <= 5e-14, $"drift {drift:E2}");
    }

    [Theory]
    [InlineData("heh+", "rk4")]
    [InlineData("heh+", "magnus4")]
    [InlineData("heh+", "expmid")]
    [InlineData("h2o", "rk4")]
    [InlineData("h2o", "magnus4")]
    [InlineData("h2o", "expmid")]
    public void FieldFreeGroundStateIsStationary(string system, string propagator)
    {
        using var reference = system == "heh+" ? ReferenceCase.HeHPlus() : ReferenceCase.Water();
        using var equation = reference.Equation(new NoField());
        using var scope = torch.NewDisposeScope();
        var frames = Propagation.Run(Propagators.Create(propagator), equation, reference.InitialDensity, reference.TimeStep, 100, stride: 10);
        var drift = (frames[0] - reference.InitialDensity).abs().max().item<double>();
        output.WriteLine($"{reference.Name} {propagator}: max |P(t) − P(0)| over 100 steps = {drift:E2}");
        Assert.True(drift < 1e-10, $"drift {drift:E2}");
    }
}
