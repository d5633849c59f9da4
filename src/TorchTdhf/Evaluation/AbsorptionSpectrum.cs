using System.Text.Json.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Evaluation;

/// <summary>
/// The linear absorption spectrum of a δ-kick run: S(ω) = ω · Im ∫₀^T (d(t) − d(0)) e^{iωt} e^{−γt} dt / κ, with d the
/// dipole along the kick direction n, κ the kick strength and γ an exponential damping that turns each excitation
/// into a Lorentzian of half width γ. For a real dipole the imaginary part is ∫ (d(t) − d(0)) e^{−γt} sin(ωt) dt,
/// integrated by the trapezoidal rule on the given samples (direct sum, no FFT, so any grid works).
/// </summary>
/// <remarks>
/// With the sign conventions of <see cref="Dynamics.DeltaKick"/> (κ &gt; 0 starts the dipole growing along n) a
/// linear response d(t) − d(0) = κ Σ_k (f_k/ω_k) sin(ω_k t) gives peaks of height ∝ f_k at the excitation energies
/// ω_k &gt; 0; S is proportional to the dipole strength function (atomic units, up to the constant 2/π).
/// </remarks>
/// <param name="Frequencies">ω: [W], hartree.</param>
/// <param name="Intensity">S(ω): [W], atomic units.</param>
public sealed record AbsorptionSpectrum(double[] Frequencies, double[] Intensity)
{
    // Frequencies per [chunk, T] block of sines, so that long runs need a bounded amount of memory.
    private const long BlockElements = 1 << 22;

    /// <summary>The spectrum of a kick run's dipole.</summary>
    /// <param name="times">t: [T] ≥ 2 strictly increasing sample times, atomic units (t₀ is the kick).</param>
    /// <param name="dipole">d(t) along the kick direction at those times, e·bohr.</param>
    /// <param name="kickStrength">κ ≠ 0, atomic units.</param>
    /// <param name="options">Frequency grid and damping; defaults when null.</param>
    /// <exception cref="ArgumentException">The arrays differ in length, are too short, or the times do not increase.</exception>
    /// <exception cref="TdhfInputException">κ is zero or not finite, or the options are out of range.</exception>
    public static AbsorptionSpectrum FromDipole(IReadOnlyList<double> times, IReadOnlyList<double> dipole, double kickStrength, SpectrumOptions? options = null)
    {
        options ??= new SpectrumOptions();
        options.Validate();
        RequireSamples(times, dipole);
        if (!double.IsFinite(kickStrength) || kickStrength == 0)
            throw new TdhfInputException($"the kick strength must be a finite non-zero number, not {kickStrength}", key: "strength");
        var frequencies = options.Frequencies();
        var integrand = WeightedSignal(times, dipole, options.Damping);
        var intensity = SineTransform(frequencies, times, integrand).Select((v, k) => frequencies[k] * v / kickStrength).ToArray();
        return new AbsorptionSpectrum(frequencies, intensity);
    }

    /// <summary>The frequency of the largest intensity and that intensity (hartree, atomic units).</summary>
    [JsonIgnore]
    public (double Frequency, double Intensity) Peak
    {
        get
        {
            var best = Array.IndexOf(Intensity, Intensity.Max());
            return (Frequencies[best], Intensity[best]);
        }
    }

    // (d(t) − d(0)) e^{−γt} times the trapezoid weight of each sample.
    private static double[] WeightedSignal(IReadOnlyList<double> times, IReadOnlyList<double> dipole, double damping)
    {
        var count = times.Count;
        var result = new double[count];
        for (var j = 0; j < count; j++)
        {
            var left = j > 0 ? times[j] - times[j - 1] : 0;
            var right = j < count - 1 ? times[j + 1] - times[j] : 0;
            result[j] = (dipole[j] - dipole[0]) * Math.Exp(-damping * (times[j] - times[0])) * 0.5 * (left + right);
        }
        return result;
    }

    // Σ_j sin(ω_k (t_j − t₀)) x_j for every ω_k, as [chunk, T] · [T] products.
    private static double[] SineTransform(double[] frequencies, IReadOnlyList<double> times, double[] weighted)
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(times.Select(x => x - times[0]).ToArray(), ScalarType.Float64);
        var x = torch.tensor(weighted, ScalarType.Float64);
        var omega = torch.tensor(frequencies, ScalarType.Float64);
        var chunk = Math.Max(1, BlockElements / times.Count);
        var parts = new List<Tensor>();
        for (long start = 0; start < frequencies.Length; start += chunk)
        {
            var block = omega.narrow(0, start, Math.Min(chunk, frequencies.Length - start));
            parts.Add(torch.outer(block, t).sin_().matmul(x));
        }
        return torch.cat(parts, 0).data<double>().ToArray();
    }

    private static void RequireSamples(IReadOnlyList<double> times, IReadOnlyList<double> dipole)
    {
        if (times.Count != dipole.Count) throw new ArgumentException($"{times.Count} times but {dipole.Count} dipole values", nameof(dipole));
        if (times.Count < 2) throw new ArgumentException("a spectrum needs at least two samples", nameof(times));
        for (var j = 1; j < times.Count; j++)
            if (!(times[j] > times[j - 1])) throw new ArgumentException($"the times must increase strictly; sample {j} is at {times[j]} after {times[j - 1]}", nameof(times));
    }
}
