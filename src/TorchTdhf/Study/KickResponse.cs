using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics;
using TorchTdhf.Evaluation;
using TorchTdhf.Models;

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
        using var equation = new TdhfEquation(system, potential, new DeltaKick(Strength, CartesianVector.UnitZ));
        double[] z;
        using (var position = system.Position[2].reshape(-1).contiguous()) z = position.data<double>().ToArray();
        using var start = system.GroundStateDensity.unsqueeze(0);
        var dipole = Enumerable.Repeat(double.NaN, steps / stride + 1).ToArray();
        SampledPropagation.Run(Propagators.Create("magnus4"), equation, start, dt, steps, stride, (sample, _, density) =>
        {
            // μ_z = −Re Tr(P r_z) = −Σ_ij Re P_ij z_ij for symmetric z; a blow-up leaves the rest NaN.
            var value = 0.0;
            for (var e = 0; e < density.Length; e++) value -= density[e].Real * z[e];
            dipole[sample] = value;
            return double.IsFinite(value);
        }, cancellation);
        var times = Enumerable.Range(0, dipole.Length).Select(k => k * stride * dt).ToArray();
        var finite = dipole.All(double.IsFinite);
        var spectrum = finite
            ? AbsorptionSpectrum.FromDipole(times, dipole, Strength)
            : new AbsorptionSpectrum(new SpectrumOptions().Frequencies(), Enumerable.Repeat(double.NaN, new SpectrumOptions().FrequencyCount).ToArray());
        return new KickResponse(times, dipole, spectrum);
    }
}
