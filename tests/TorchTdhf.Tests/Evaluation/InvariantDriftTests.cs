using TorchTdhf.Chemistry;
using TorchTdhf.Evaluation;

namespace TorchTdhf.Tests.Evaluation;

public class InvariantDriftTests
{
    [Fact]
    public void GroundStateKeepsTheInvariantsAndScaledDensityBreaksThem()
    {
        using var system = new MolecularSystemBuilder().Build(new SystemSpec("heh+", "6-31g"));
        using var p = system.GroundStateDensity.unsqueeze(0);
        var exact = InvariantDrift.Measure(p, system.ElectronCount);
        Assert.True(exact.Trace < 1e-12 && exact.Hermiticity < 1e-12 && exact.Idempotency < 1e-10, exact.ToString());

        using var scaled = p * 1.01;
        var drift = InvariantDrift.Measure(scaled, system.ElectronCount);
        Assert.Equal(0.02, drift.Trace, 1e-10);
        Assert.True(drift.Idempotency > 1e-2);
        Assert.Equal(drift, drift.Max(exact));
        Assert.True(double.IsNaN(exact.Max(new InvariantDrift(double.NaN, 0, 0)).Trace));
    }
}
