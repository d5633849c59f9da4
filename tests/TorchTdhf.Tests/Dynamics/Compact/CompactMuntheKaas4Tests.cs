using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics.Compact;

/// <summary>The array path of magnus4 for small bases against the libtorch path it replaces.</summary>
public class CompactMuntheKaas4Tests
{
    [Theory]
    [InlineData("heh+", "6-31g")]
    [InlineData("lih", "6-31g")]
    [InlineData("c2h4", "sto-3g")]
    public void AgreesWithTheLibtorchStepToRoundOff(string molecule, string basis)
    {
        using var scope = torch.NewDisposeScope();
        using var system = new MolecularSystemBuilder().Build(new SystemSpec(molecule, basis));
        using var potential = new TruePotential(system.Eri);
        var fields = new Field[] { SinusoidalField.Paper(), new NoField(), SinusoidalField.Paper() };
        using var fast = new TdhfEquation(system, potential, fields);
        using var reference = new TdhfEquation(system, new OpaquePotential(potential), fields);
        var start = RandomIdempotentEnsemble.Generate(system.GroundStateDensity, system.ElectronCount, 0.3, 7, 3);
        var propagator = new MuntheKaas4();
        // A large step, so that the exponentials need high degrees and differ from round-off noise if wrong.
        var (a, b) = (start, start);
        for (var step = 0; step < 20; step++)
        {
            a = propagator.Step(fast, a, step * 0.05, 0.05);
            b = propagator.Step(reference, b, step * 0.05, 0.05);
        }
        var difference = (a - b).abs().max().item<double>();
        Assert.True(difference < 1e-12, $"max |Δ P| = {difference:E2}");
        Assert.Equal(0, (a - a.mH).abs().max().item<double>());
        Assert.True(torch.linalg.vector_norm(a - start).item<double>() > 1e-3, "the densities must move");
    }
}
