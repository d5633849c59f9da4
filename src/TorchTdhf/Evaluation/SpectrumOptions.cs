namespace TorchTdhf.Evaluation;

/// <summary>The frequency grid and damping of an <see cref="AbsorptionSpectrum"/>.</summary>
public sealed record SpectrumOptions
{
    /// <summary>Lowest frequency ω_min ≥ 0, hartree.</summary>
    public double MinFrequency { get; init; }

    /// <summary>Highest frequency ω_max &gt; ω_min, hartree.</summary>
    public double MaxFrequency { get; init; } = 2.0;

    /// <summary>Points W ≥ 2 of the uniform grid from ω_min to ω_max (both included).</summary>
    public int FrequencyCount { get; init; } = 2001;

    /// <summary>γ ≥ 0 of the window e^{−γt}, hartree: the half width of each Lorentzian line (0: none).</summary>
    public double Damping { get; init; } = 0.01;

    /// <summary>Throws unless the grid and damping are usable.</summary>
    /// <exception cref="TdhfInputException">A value is out of range; the key names it.</exception>
    public void Validate()
    {
        if (!double.IsFinite(MinFrequency) || MinFrequency < 0) throw new TdhfInputException($"the lowest frequency must be finite and ≥ 0, not {MinFrequency}", key: "minFrequency");
        if (!double.IsFinite(MaxFrequency) || MaxFrequency <= MinFrequency)
            throw new TdhfInputException($"the highest frequency must be finite and above the lowest ({MinFrequency}), not {MaxFrequency}", key: "maxFrequency");
        if (FrequencyCount < 2) throw new TdhfInputException($"the frequency grid needs at least 2 points, not {FrequencyCount}", key: "frequencyCount");
        if (!double.IsFinite(Damping) || Damping < 0) throw new TdhfInputException($"the damping must be finite and ≥ 0, not {Damping}", key: "damping");
    }

    /// <summary>The grid ω_0 … ω_{W−1}: [W], hartree.</summary>
    public double[] Frequencies() =>
        Enumerable.Range(0, FrequencyCount).Select(k => MinFrequency + (MaxFrequency - MinFrequency) * k / (FrequencyCount - 1)).ToArray();
}
