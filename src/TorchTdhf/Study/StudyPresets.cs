using TorchTdhf.Dynamics.Generation;

namespace TorchTdhf.Study;

/// <summary>The presets of <c>tdhf reproduce</c>.</summary>
public static class StudyPresets
{
    /// <summary>Two small systems, protocol shortened to 1 % and a 20-member ensemble: a few minutes on two cores.</summary>
    public static StudyPreset Quick { get; } = new("quick", "HeH+/6-31G and LiH/6-31G, protocol at 1 % length, 20-member ensemble (a few minutes on two cores)",
        new[] { "heh+_6-31g", "lih_6-31g" }, Scale: 0.01, EnsembleSize: 20, LsmrIterations: 1000, AdamIterations: 150, RolloutIterations: 30,
        ComparisonSystems: 1, KickDt: 0.1, KickSteps: 2000, KickStride: 2);

    /// <summary>
    /// The four small systems at the full protocol. LSMR stops at machine precision or after 1 000 iterations: fits on
    /// trajectory + ensemble end at machine precision after a few hundred, while single-trajectory fits at N = 14 gain
    /// about a factor 3 in loss per 250 further iterations (each one dearer, as the reorthogonalisation basis grows),
    /// which would not fit the preset's hour.
    /// </summary>
    public static StudyPreset Small { get; } = new("small", "the paper's four small systems at the full protocol", PresetCatalog.Small,
        Scale: 1, EnsembleSize: null, LsmrIterations: 1000, AdamIterations: 2000, RolloutIterations: 300, ComparisonSystems: 1,
        KickDt: 0.05, KickSteps: 10_000, KickStride: 5);

    /// <summary>All seven computed systems at the full protocol.</summary>
    public static StudyPreset Paper { get; } = Small with
    {
        Name = "paper",
        Description = "all seven systems of the paper at the full protocol",
        LsmrIterations = 2000,
        Systems = PresetCatalog.All.Where(p => !p.Name.StartsWith("paper_", StringComparison.Ordinal)).Select(p => p.Name).ToList(),
    };

    /// <summary>The four systems on the paper's own integrals and initial conditions.</summary>
    public static StudyPreset PaperData { get; } = Small with
    {
        Name = "paper-data",
        Description = "the four small systems on the paper's own integrals and initial conditions (data/paper/)",
        LsmrIterations = 2000,
        Systems = PresetCatalog.All.Where(p => p.Name.StartsWith("paper_", StringComparison.Ordinal)).Select(p => p.Name).ToList(),
    };

    /// <summary>The presets users can name.</summary>
    public static IReadOnlyList<StudyPreset> All { get; } = new[] { Quick, Small, Paper, PaperData };

    /// <summary>
    /// A tiny preset for tests: one system, a few hundred fine steps, a handful of iterations. Not listed in
    /// <see cref="All"/>.
    /// </summary>
    public static StudyPreset Micro { get; } = new("micro", "test preset: HeH+/6-31G, 40-step trajectories", new[] { "heh+_6-31g" },
        Scale: 0.0005, EnsembleSize: 3, LsmrIterations: 20, AdamIterations: 5, RolloutIterations: 2, ComparisonSystems: 1, KickDt: 0.1, KickSteps: 100, KickStride: 2);

    /// <summary>The preset called <paramref name="name"/> (case-insensitive; <c>micro</c> is accepted for tests).</summary>
    /// <exception cref="TdhfInputException">Unknown name; the message lists the presets.</exception>
    public static StudyPreset Get(string name)
    {
        var found = All.Append(Micro).FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return found ?? throw new TdhfInputException($"unknown preset '{name}'; known: {string.Join(", ", All.Select(p => p.Name))}", key: "--preset");
    }

    /// <summary>
    /// <paramref name="preset"/> restricted to <paramref name="systems"/> (any system of the catalog may be named, in
    /// the order given); the preset unchanged when the list is null or empty.
    /// </summary>
    /// <exception cref="TdhfInputException">A name is not a system preset; the message lists them.</exception>
    public static StudyPreset WithSystems(StudyPreset preset, IReadOnlyList<string>? systems)
    {
        if (systems is not { Count: > 0 }) return preset;
        var known = PresetCatalog.All.Select(p => p.Name).ToList();
        var chosen = systems.Select(s => s.Trim()).Where(s => s.Length > 0).Select(s =>
            known.FirstOrDefault(k => string.Equals(k, s, StringComparison.OrdinalIgnoreCase))
            ?? throw new TdhfInputException($"unknown system '{s}'; known: {string.Join(", ", known)}", key: "--systems")).Distinct().ToList();
        return preset with { Systems = chosen };
    }
}
