using TorchTdhf.Evaluation;
using TorchTdhf.IO;

namespace TorchTdhf.Study;

/// <summary>The arrays of a <see cref="KickResponse"/> in an npz: times, dipole, frequencies (hartree) and intensities.</summary>
public static class KickArrays
{
    /// <summary>The npz entries of <paramref name="kick"/>.</summary>
    public static IEnumerable<KeyValuePair<string, NpyArray>> Of(KickResponse kick) => new KeyValuePair<string, NpyArray>[]
    {
        new("kick_time", NpyArray.Of(kick.Times, kick.Times.Length)),
        new("kick_dipole_z", NpyArray.Of(kick.Dipole, kick.Dipole.Length)),
        new("spectrum_frequency_hartree", NpyArray.Of(kick.Spectrum.Frequencies, kick.Spectrum.Frequencies.Length)),
        new("spectrum_intensity", NpyArray.Of(kick.Spectrum.Intensity, kick.Spectrum.Intensity.Length)),
    };

    /// <summary>Reads what <see cref="Of"/> wrote.</summary>
    /// <exception cref="KeyNotFoundException">An entry is missing.</exception>
    public static KickResponse Read(NpzReader npz)
    {
        NpyArray Get(string key) => npz.TryGet(key) ?? throw new KeyNotFoundException(key);
        return new KickResponse(Get("kick_time").ToDoubleArray(), Get("kick_dipole_z").ToDoubleArray(),
            new AbsorptionSpectrum(Get("spectrum_frequency_hartree").ToDoubleArray(), Get("spectrum_intensity").ToDoubleArray()));
    }
}
