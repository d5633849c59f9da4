using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics;
using TorchTdhf.Dynamics.Generation;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.Models;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

/// <summary>The dynamics acceptance runs: long, so behind <c>Category=Long</c> (CI runs them once).</summary>
[Trait("Category", "Long")]
public class LongRunTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("heh+", "rk4")]
    [InlineData("heh+", "magnus4")]
    [InlineData("h2o", "rk4")]
    [InlineData("h2o", "magnus4")]
    public void ConvergesToTheReferenceAtATenthOfItsStep(string system, string propagator)
    {
        using var reference = system == "heh+" ? ReferenceCase.HeHPlus() : ReferenceCase.Water();
        using var equation = reference.Equation(SinusoidalField.Paper());
        using var scope = torch.NewDisposeScope();
        var frames = Propagation.Run(Propagators.Create(propagator), equation, reference.InitialDensity, reference.TimeStep / 10,
            reference.Steps * 10, reference.Stride * 10);
        var error = (frames[0] - reference.Converged).abs().max().item<double>();
        output.WriteLine($"{reference.Name} {propagator} dt = {reference.TimeStep / 10}: max |ΔP| vs converged = {error:E2}");
        Assert.True(error <= 1e-6, $"max |ΔP| = {error:E2}");
    }

    /// <summary>
    /// LiH/6-31G at the paper's step for 2×10⁵ steps, as one batch: kicked and driven by the paper's field
    /// (invariants), kicked and field-free (energy), and the RHF ground state field-free (stationarity).
    /// </summary>
    [Fact]
    public void UnitaryIntegratorKeepsInvariantsEnergyAndStationarityOverThePapersRun()
    {
        const int steps = 200_000;
        const double dt = 0.0008268;
        using var system = new MolecularSystemBuilder().Build(new SystemSpec("lih", "6-31g"));
        using var potential = new TruePotential(system.Eri);
        using var scope = torch.NewDisposeScope();
        var kicked = InitialDensities.Build(system, new KickSpec(0.2, new[] { 0.0, 0.0, 1.0 }));
        var ground = system.GroundStateDensity.unsqueeze(0);
        var initial = torch.cat(new[] { kicked, kicked, ground }, 0);
        using var equation = new TdhfEquation(system, potential, new Field[] { SinusoidalField.Paper(), new NoField(), new NoField() });
        var energy0 = system.Energy(kicked[0]);
        double trace = 0, hermiticity = 0, idempotency = 0, energy = 0, stationary = 0;
        var n = (double)system.ElectronCount;
        using var final = Propagation.RunToEnd(new MuntheKaas4(), equation, initial, dt, steps, (step, _, p) =>
        {
            if (step % 100 != 0) return;
            using var inner = torch.NewDisposeScope();
            trace = Math.Max(trace, (p.diagonal(0, -2, -1).sum(-1).real - n).abs().max().item<double>());
            hermiticity = Math.Max(hermiticity, (p - p.mH).abs().max().item<double>());
            idempotency = Math.Max(idempotency, (p.matmul(p) - 2 * p).abs().max().item<double>());
            energy = Math.Max(energy, Math.Abs(system.Energy(p[1]) - energy0));
            stationary = Math.Max(stationary, (p[2] - ground[0]).abs().max().item<double>());
        });
        output.WriteLine($"LiH/6-31G magnus4, {steps} steps: |Tr P − N| {trace:E2}, |P − P†| {hermiticity:E2}, |P² − 2P| {idempotency:E2}, " +
                         $"|ΔE| field-free {energy:E2}, ground-state drift {stationary:E2}");
        Assert.True(trace <= 1e-10, $"trace {trace:E2}");
        Assert.True(hermiticity <= 1e-12, $"Hermiticity {hermiticity:E2}");
        Assert.True(idempotency <= 1e-9, $"idempotency {idempotency:E2}");
        Assert.True(energy <= 1e-9, $"energy {energy:E2}");
        Assert.True(stationary <= 1e-11, $"stationarity {stationary:E2}");
    }

    /// <summary>The other small systems' RHF ground states (the paper's "6-311G" for HeH+ is 6-311ppgss-he), field-free for 2×10⁵ steps.</summary>
    [Theory]
    [InlineData("heh+", "6-31g")]
    [InlineData("heh+", "6-311ppgss-he")]
    [InlineData("c2h4", "sto-3g")]
    public void RhfGroundStateIsStationaryOverThePapersRun(string molecule, string basis)
    {
        const int steps = 200_000;
        using var system = new MolecularSystemBuilder().Build(new SystemSpec(molecule, basis));
        using var potential = new TruePotential(system.Eri);
        using var equation = new TdhfEquation(system, potential, new Field[] { new NoField() });
        using var scope = torch.NewDisposeScope();
        var ground = system.GroundStateDensity.unsqueeze(0);
        var drift = 0.0;
        using var final = Propagation.RunToEnd(new MuntheKaas4(), equation, ground, 0.0008268, steps, (step, _, p) =>
        {
            if (step % 100 != 0) return;
            using var inner = torch.NewDisposeScope();
            drift = Math.Max(drift, (p - ground).abs().max().item<double>());
        });
        output.WriteLine($"{molecule}/{basis} magnus4, {steps} steps: ground-state drift {drift:E2}");
        Assert.True(drift <= 1e-11, $"stationarity {drift:E2}");
    }
}
