using TorchTdhf.Dynamics.InitialConditions;

namespace TorchTdhf.Dynamics.Generation;

/// <summary>
/// The seven systems of Bhat, Gupta &amp; Isborn (2024) with the paper's protocol, computed from first principles, and
/// the four small ones on the paper's own integrals and initial conditions (<c>data/paper/</c>).
/// </summary>
public static class PresetCatalog
{
    /// <summary>
    /// Initial condition of the training trajectory for computed systems: the RHF ground state is stationary without
    /// a field, so it is kicked (strength 0.2 a.u. along (1, 1, 1)/√3, exciting every polarisation).
    /// </summary>
    public static KickSpec TrainingKick { get; } = new(0.2, new[] { 1 / Math.Sqrt(3), 1 / Math.Sqrt(3), 1 / Math.Sqrt(3) });

    /// <summary>Names of the four small systems of the paper (those with shipped paper data).</summary>
    public static IReadOnlyList<string> Small { get; } = new[] { "heh+_6-31g", "heh+_6-311g", "lih_6-31g", "c2h4_sto-3g" };

    /// <summary>Every preset, the paper's protocol unscaled.</summary>
    public static IReadOnlyList<ProtocolPreset> All { get; } = Build();

    /// <summary>The preset called <paramref name="name"/> (case-insensitive), with its protocol scaled by <paramref name="scale"/>.</summary>
    /// <exception cref="TdhfInputException">No such preset (the message lists them).</exception>
    public static ProtocolPreset Get(string name, double scale = 1)
    {
        var preset = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new TdhfInputException($"unknown preset '{name}'; available: {string.Join(", ", All.Select(p => p.Name))}", key: "--preset");
        return preset with { Protocol = preset.Protocol.Scaled(scale) };
    }

    private static IReadOnlyList<ProtocolPreset> Build()
    {
        var computed = new (string Name, string Molecule, string Basis, string Note)[]
        {
            ("heh+_6-31g", "heh+", "6-31g", "HeH+ in 6-31G (N = 4)"),
            ("heh+_6-311g", "heh+", "6-311ppgss-he", "HeH+ in the paper's \"6-311G\" = 6-311++G(d,p) with a diffuse s on He (N = 14)"),
            ("lih_6-31g", "lih", "6-31g", "LiH in 6-31G (N = 11)"),
            ("c2h4_sto-3g", "c2h4", "sto-3g", "C2H4 in STO-3G (N = 14)"),
            ("lih_6-311ppgss", "lih", "6-311++G**", "LiH in 6-311++G** (N = 29)"),
            ("c2h4_6-31pgs", "c2h4", "6-31+G*", "C2H4 in 6-31+G* (N = 46)"),
            ("c6h10n2o2_sto-3g", "c6h10n2o2", "sto-3g", "the paper's N = 60 system C6H10N2O2 in STO-3G"),
        };
        var presets = computed.Select(c => new ProtocolPreset(c.Name, c.Note + ", computed here", new ComputedSystem(c.Molecule, c.Basis),
            TrainingKick, null, Protocol.Paper)).ToList();

        var paper = new (string Name, string File, string Note)[]
        {
            ("paper_heh+_6-31g", "heh+_6-31g.npz", "HeH+ 6-31G"),
            ("paper_heh+_6-311g", "heh+_6-311G.npz", "HeH+ \"6-311G\""),
            ("paper_lih_6-31g", "lih_6-31g.npz", "LiH 6-31G"),
            ("paper_c2h4_sto-3g", "c2h4_sto-3g.npz", "C2H4 STO-3G"),
        };
        foreach (var (name, file, note) in paper)
        {
            var path = $"data/paper/{file}";
            presets.Add(new ProtocolPreset(name,
                $"{note} on the paper's Gaussian integrals and its own initial conditions (its ensemble keeps the paper's electron counts, which mostly differ from N_e)",
                new ImportedSystem(path),
                new FileDensitySpec(path, "p0_orthonormal", DensityConvention.Paper),
                new FileDensitySpec(path, "p0_ensemble", DensityConvention.Paper, TraceChecked: false),
                Protocol.Paper));
        }
        return presets;
    }
}
