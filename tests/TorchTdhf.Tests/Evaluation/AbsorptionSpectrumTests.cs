using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics;
using TorchTdhf.Evaluation;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Evaluation;

public class AbsorptionSpectrumTests
{
    [Fact]
    public void DampedSinusoidPeaksAtItsFrequency()
    {
        const double omega0 = 0.7;
        var times = Enumerable.Range(0, 4001).Select(j => 0.1 * j).ToArray();
        var dipole = times.Select(t => 1e-3 * Math.Sin(omega0 * t) * Math.Exp(-0.005 * t)).ToArray();
        var options = new SpectrumOptions { MinFrequency = 0, MaxFrequency = 2, FrequencyCount = 2001, Damping = 0.01 };
        var spectrum = AbsorptionSpectrum.FromDipole(times, dipole, 1e-3, options);

        Assert.Equal(2001, spectrum.Frequencies.Length);
        Assert.Equal(spectrum.Frequencies.Length, spectrum.Intensity.Length);
        var (frequency, height) = spectrum.Peak;
        Assert.Equal(omega0, frequency, 2e-3);
        Assert.True(height > 0);
        // A Lorentzian of half width γ_total = 0.015: far from the line it has fallen by orders of magnitude.
        var far = spectrum.Intensity[Array.FindIndex(spectrum.Frequencies, w => w >= 1.4)];
        Assert.True(Math.Abs(far) < 0.02 * height, $"S(1.4) = {far}, peak {height}");
        Assert.Equal(0.0, spectrum.Intensity[0]);
    }

    [Fact]
    public void OppositeKicksGiveTheSameSpectrum()
    {
        var times = Enumerable.Range(0, 1001).Select(j => 0.2 * j).ToArray();
        var spectrum = AbsorptionSpectrum.FromDipole(times, times.Select(t => 2 * Math.Sin(0.5 * t)).ToArray(), 2);
        var flipped = AbsorptionSpectrum.FromDipole(times, times.Select(t => -2 * Math.Sin(0.5 * t)).ToArray(), -2);
        var scale = spectrum.Intensity.Max(Math.Abs);
        Assert.All(spectrum.Intensity.Zip(flipped.Intensity), pair => Assert.True(Math.Abs(pair.First - pair.Second) <= 1e-13 * scale));
        Assert.Equal(0.5, spectrum.Peak.Frequency, 2e-3);
    }

    [Fact]
    public void KickedHeHPlusAbsorbsAtPositiveFrequencies()
    {
        using var system = new MolecularSystemBuilder().Build(new SystemSpec("heh+", "6-31g"));
        using var potential = new TruePotential(system.Eri);
        const double kappa = 1e-3;
        using var equation = new TdhfEquation(system, potential, new DeltaKick(kappa, CartesianVector.UnitZ));
        using var p0 = system.GroundStateDensity.unsqueeze(0);
        using var frames = Propagation.Run(new RungeKutta4(), equation, p0, 0.2, 600);
        using var dipoles = Dipole.Electronic(frames[0], system.Position);
        var dipole = dipoles[.., 2].data<double>().ToArray();
        var times = Enumerable.Range(0, dipole.Length).Select(j => 0.2 * j).ToArray();
        var spectrum = AbsorptionSpectrum.FromDipole(times, dipole, kappa, new SpectrumOptions { MaxFrequency = 3, FrequencyCount = 1501, Damping = 0.05 });

        var (frequency, height) = spectrum.Peak;
        // The strongest z-polarised TDHF excitation of HeH+/6-31G lies near 1 hartree.
        Assert.True(frequency is > 0.8 and < 1.3, $"peak at {frequency}");
        Assert.True(height > 0);
        Assert.True(spectrum.Intensity.Min() > -0.05 * height, $"strongly negative S: {spectrum.Intensity.Min()} against {height}");
    }

    [Fact]
    public void BadInputIsRejected()
    {
        var times = new[] { 0.0, 1.0, 2.0 };
        var dipole = new[] { 0.0, 0.1, 0.0 };
        Assert.Throws<ArgumentException>(() => AbsorptionSpectrum.FromDipole(times, new[] { 0.0 }, 1));
        Assert.Throws<ArgumentException>(() => AbsorptionSpectrum.FromDipole(new[] { 0.0, 1.0, 1.0 }, dipole, 1));
        Assert.Equal("strength", Assert.Throws<TdhfInputException>(() => AbsorptionSpectrum.FromDipole(times, dipole, 0)).Key);
        Assert.Equal("damping", Assert.Throws<TdhfInputException>(() =>
            AbsorptionSpectrum.FromDipole(times, dipole, 1, new SpectrumOptions { Damping = -1 })).Key);
        Assert.Equal("maxFrequency", Assert.Throws<TdhfInputException>(() =>
            AbsorptionSpectrum.FromDipole(times, dipole, 1, new SpectrumOptions { MinFrequency = 1, MaxFrequency = 1 })).Key);
    }
}
