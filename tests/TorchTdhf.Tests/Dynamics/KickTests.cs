using TorchSharp;
using TorchTdhf.Dynamics;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

public class KickTests(ITestOutputHelper output)
{
    private const double Strength = 1e-3;
    private const double TimeStep = 0.002;
    private const int Steps = 250;

    /// <summary>
    /// A δ-kick of strength κ must act like any short pulse of area κ in the same equation, whose field sign the
    /// reference trajectories fix. Both run in one batch with one field per trajectory; the pulse (a half sine of
    /// length τ, centred at τ/2, with τ/2 a whole number of steps) is compared at a time τ/2 later, which cancels its
    /// first-order lag and leaves an O(τ²) difference.
    /// </summary>
    [Fact]
    public void KickEqualsAShortPulseOfTheSameArea()
    {
        using var reference = ReferenceCase.HeHPlus();
        const double pulseLength = 0.02;
        var omega = Math.PI / pulseLength;
        var pulse = new SinusoidalField(Strength * omega / 2, omega, CartesianVector.UnitZ, duration: pulseLength);
        using var equation = new TdhfEquation(reference.CoreHamiltonian, reference.Position, reference.Potential,
            new Field[] { new DeltaKick(Strength, CartesianVector.UnitZ), pulse });
        using var scope = torch.NewDisposeScope();
        var dipoles = DipoleZ(reference, equation, reference.InitialDensity.expand(2, -1, -1));
        var lag = (int)Math.Round(pulseLength / 2 / TimeStep);
        var worst = 0.0;
        var largest = 0.0;
        // While the pulse is on, the response has not yet seen the whole area (an O(τ) difference); compare after it.
        for (var step = 2 * lag; step + lag <= Steps; step++)
        {
            worst = Math.Max(worst, Math.Abs(dipoles[step][0] - dipoles[step + lag][1]));
            largest = Math.Max(largest, Math.Abs(dipoles[step][0]));
        }
        output.WriteLine($"max |δμ_kick(t) − δμ_pulse(t + τ/2)| = {worst:E2} of max |δμ| = {largest:E2}");
        Assert.True(worst < 1e-4 * largest, $"kick and pulse responses differ by {worst:E2} (largest response {largest:E2})");
    }

    /// <summary>
    /// κ &gt; 0 along +z pushes the electrons towards −z (force −E on charge −1), so the dipole μ_z = −⟨z⟩_el + nuclear
    /// first grows; the response is linear in κ and odd in its sign.
    /// </summary>
    [Fact]
    public void SmallKickGivesTheLinearResponseDipoleSign()
    {
        using var reference = ReferenceCase.HeHPlus();
        using var equation = new TdhfEquation(reference.CoreHamiltonian, reference.Position, reference.Potential,
            new Field[] { new DeltaKick(Strength, CartesianVector.UnitZ), new DeltaKick(2 * Strength, CartesianVector.UnitZ), new DeltaKick(-Strength, CartesianVector.UnitZ) });
        using var scope = torch.NewDisposeScope();
        var dipoles = DipoleZ(reference, equation, reference.InitialDensity.expand(3, -1, -1), steps: 25);
        for (var step = 1; step <= 25; step++)
        {
            var (single, twice, opposite) = (dipoles[step][0], dipoles[step][1], dipoles[step][2]);
            Assert.True(single > 0, $"δμ_z({step * TimeStep}) = {single:E3} should be positive");
            Assert.Equal(2, twice / single, 2);
            Assert.Equal(-1, opposite / single, 2);
        }
        output.WriteLine($"δμ_z(t = {25 * TimeStep}) = {dipoles[25][0]:E3} for κ = {Strength}");
    }

    [Fact]
    public void KickIsUnitaryAndFieldsWithoutImpulseLeaveTheDensityAlone()
    {
        using var reference = ReferenceCase.Water();
        using var scope = torch.NewDisposeScope();
        using var kicked = reference.Equation(new DeltaKick(0.5, new CartesianVector(1, 2, 3)));
        var invariants = DensityInvariants.Of(kicked.ApplyInitialKicks(reference.InitialDensity), reference.ElectronCount);
        Assert.True(invariants.Hermiticity < 1e-14 && invariants.Trace < 1e-13 && invariants.Idempotency < 1e-13, invariants.ToString());
        using var plain = reference.Equation(SinusoidalField.Paper());
        var copy = plain.ApplyInitialKicks(reference.InitialDensity);
        Assert.Equal(0, (copy - reference.InitialDensity).abs().max().item<double>());
    }

    // δμ_z(t) = μ_z(t) − μ_z(0) per trajectory at every step, magnus4.
    private static double[][] DipoleZ(ReferenceCase reference, TdhfEquation equation, Tensor start, int steps = Steps)
    {
        using var ground = TorchTdhf.Dynamics.Dipole.Electronic(reference.InitialDensity, reference.Position);
        var groundZ = ground[0, 2].item<double>();
        var result = new double[steps + 1][];
        using var frames = Propagation.Run(new MuntheKaas4(), equation, start, TimeStep, steps, stride: steps, observe: (step, _, density) =>
        {
            using var dipole = TorchTdhf.Dynamics.Dipole.Electronic(density, reference.Position);
            using var z = dipole.select(1, 2).contiguous();
            result[step] = z.data<double>().ToArray().Select(v => v - groundZ).ToArray();
        });
        return result;
    }
}
