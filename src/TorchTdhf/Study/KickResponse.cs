using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics;
using TorchTdhf.Evaluation;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Study;

/// <summary>
/// Linear response by a δ kick: the RHF ground state kicked along z (P → U P U†, U = e^{−iκz}), propagated
/// field-free with a potential, its dipole recorded and turned into an <see cref="AbsorptionSpectrum"/>.
/// </summary>
/// <param name="Times">Sample times: [T], atomic units.</param>
/// <param name="Dipole">Electronic dipole along z at those times, e·bohr.</param>
/// <param name="Spectrum">The spectrum of the dipole.</param>
public sealed record KickResponse(double[] Times, double[] Dipole, AbsorptionSpectrum Spectrum)
{
    /// <summary>Kick strength κ, atomic units (weak: linear response).</summary>
    public const double Strength = 0.01;

    /// <summary>Runs the kick with <paramref name="potential"/>.</summary>
    /// <param name="system">Ground state, H_core and r (orthonormal basis).</param>
    /// <param name="potential">G.</param>
    /// <param name="dt">Fine time step, atomic units.</param>
    /// <param name="steps">Fine steps.</param>
    /// <param name="stride">Steps between dipole samples.</param>
    /// <param name="cancellation">Checked before every step.</param>
    public static KickResponse Run(MolecularSystem system, ITwoElectronPotential potential, double dt, int steps, int stride,
        CancellationToken cancellation = default)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        using var equation = new TdhfEquation(system, potential, new DeltaKick(Strength, CartesianVector.UnitZ));
        var frames = Propagation.Run(Propagators.Create("magnus4"), equation, system.GroundStateDensity.unsqueeze(0), dt, steps, stride,
            cancellation: cancellation)[0];
        var dipole = Dynamics.Dipole.Electronic(frames, system.Position).select(1, 2).data<double>().ToArray();
        var times = Enumerable.Range(0, dipole.Length).Select(k => k * stride * dt).ToArray();
        var finite = dipole.All(double.IsFinite);
        var spectrum = finite
            ? AbsorptionSpectrum.FromDipole(times, dipole, Strength)
            : new AbsorptionSpectrum(new SpectrumOptions().Frequencies(), Enumerable.Repeat(double.NaN, new SpectrumOptions().FrequencyCount).ToArray());
        return new KickResponse(times, dipole, spectrum);
    }
}
