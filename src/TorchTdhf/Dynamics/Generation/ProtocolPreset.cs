using TorchTdhf.Dynamics.InitialConditions;

namespace TorchTdhf.Dynamics.Generation;

/// <summary>
/// One system of the learning study with its protocol: where the system comes from, the training trajectory's
/// initial condition, and how the ensemble's initial conditions are made.
/// </summary>
/// <param name="Name">Preset name, e.g. <c>lih_6-31g</c>.</param>
/// <param name="Description">What the preset reproduces.</param>
/// <param name="System">Where the molecular system comes from.</param>
/// <param name="TrainingInitial">Initial condition of the training and test trajectories.</param>
/// <param name="EnsembleFile">
/// A file spec whose members are the ensemble's initial conditions (the paper's own), or null for a seeded random
/// idempotent ensemble around <paramref name="TrainingInitial"/>.
/// </param>
/// <param name="Protocol">Time grids and ensemble settings.</param>
public sealed record ProtocolPreset(string Name, string Description, SystemSource System, InitialConditionSpec TrainingInitial,
    FileDensitySpec? EnsembleFile, Protocol Protocol)
{
    /// <summary>Role of the training trajectory.</summary>
    public const string TrainRole = "train";

    /// <summary>Role of the ensemble trajectories.</summary>
    public const string EnsembleRole = "ensemble";

    /// <summary>Role of the field-free test trajectory.</summary>
    public const string FieldFreeTestRole = "test-field-free";

    /// <summary>Role of the field-on test trajectory.</summary>
    public const string FieldOnTestRole = "test-field-on";

    /// <summary>The field of the field-on test: the paper's E(t) = 0.05 sin(0.0428 t) for one period along z.</summary>
    public static Field TestField => SinusoidalField.Paper();

    /// <summary>The trajectories of the protocol, grouped into batches that share a time grid.</summary>
    public IReadOnlyList<TrajectoryBatch> Batches()
    {
        var p = Protocol;
        var single = new List<(BatchMember Member, long Steps, int Stride)>
        {
            (new BatchMember(TrainRole, TrainRole, TrainingInitial, new NoField()), p.TrainingSteps, p.TrainingStride),
            (new BatchMember(FieldFreeTestRole, FieldFreeTestRole, TrainingInitial, new NoField()), p.TestSteps, p.TestStride),
            (new BatchMember(FieldOnTestRole, FieldOnTestRole, TrainingInitial, TestField), p.TestSteps, p.TestStride),
        };
        var batches = single
            .GroupBy(s => (s.Steps, s.Stride))
            .Select(g => new TrajectoryBatch(string.Join("+", g.Select(s => s.Member.Role)), g.Select(s => s.Member).ToList(), p.Dt, g.Key.Steps,
                g.Key.Stride, p.Integrator))
            .ToList();
        if (p.EnsembleSize > 0) batches.Add(Ensemble());
        return batches;
    }

    private TrajectoryBatch Ensemble()
    {
        var p = Protocol;
        var members = Enumerable.Range(0, p.EnsembleSize).Select(i =>
        {
            InitialConditionSpec initial = EnsembleFile is { } file
                ? file.ForMember(i)
                : new RandomEnsembleSpec(TrainingInitial, p.EnsembleFactor, p.Seed, p.EnsembleSize, i);
            return new BatchMember($"{EnsembleRole}-{i:D4}", EnsembleRole, initial, new NoField());
        }).ToList();
        return new TrajectoryBatch(EnsembleRole, members, p.Dt, p.EnsembleSteps, p.EnsembleStride, p.Integrator, EnsembleFile is null ? p.Seed : null);
    }
}
