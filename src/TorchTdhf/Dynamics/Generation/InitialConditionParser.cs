using TorchTdhf.Dynamics.InitialConditions;

namespace TorchTdhf.Dynamics.Generation;

/// <summary>
/// The command-line form of an <see cref="InitialConditionSpec"/>: <c>ground</c>;
/// <c>kick:strength=0.2,dir=z</c> (the ground state after a delta kick, directions as in <see cref="Field.Parse"/>);
/// <c>file:PATH</c> or <c>file:PATH#KEY</c> (an npy file, or an npz key such as <c>p0_orthonormal</c>).
/// </summary>
public static class InitialConditionParser
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="convention"/> applies to file densities.</summary>
    /// <exception cref="TdhfInputException">The text is not a valid initial condition.</exception>
    public static InitialConditionSpec Parse(string text, DensityConvention convention = DensityConvention.Ours)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("ground", StringComparison.OrdinalIgnoreCase)) return new GroundStateSpec();
        if (trimmed.StartsWith("kick:", StringComparison.OrdinalIgnoreCase))
        {
            var kick = (DeltaKick)Field.Parse(trimmed);
            return new KickSpec(kick.Strength, kick.Direction.ToArray());
        }
        if (trimmed.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var location = trimmed["file:".Length..];
            var hash = location.LastIndexOf('#');
            var (path, key) = hash < 0 ? (location, null) : (location[..hash], location[(hash + 1)..]);
            if (path.Length == 0) throw new TdhfInputException($"no file in '{text}'", key: "--initial");
            return new FileDensitySpec(path, key, convention);
        }
        throw new TdhfInputException($"unknown initial condition '{text}'; expected ground, kick:strength=…,dir=… or file:PATH[#KEY]", key: "--initial");
    }
}
