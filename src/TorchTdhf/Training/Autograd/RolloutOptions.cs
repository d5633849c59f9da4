namespace TorchTdhf.Training.Autograd;

/// <summary>How far and how finely <see cref="RolloutObjective"/> propagates the learned model.</summary>
public sealed record RolloutOptions
{
    /// <summary>K: samples ahead of each window's start that the rollout is matched to (≥ 1).</summary>
    public int Horizon { get; init; } = 4;

    /// <summary>m: RK4 steps per sample spacing stride·dt, so the RK4 step is stride·dt / m (≥ 1).</summary>
    public int Substeps { get; init; } = 1;

    /// <summary>Checks the settings (keys <c>horizon</c>, <c>substeps</c>).</summary>
    /// <exception cref="TdhfInputException">A setting is out of range.</exception>
    public void Validate()
    {
        if (Horizon < 1) throw new TdhfInputException($"the rollout horizon must be at least 1 sample, not {Horizon}", key: "horizon");
        if (Substeps < 1) throw new TdhfInputException($"the RK4 sub-steps per sample must be at least 1, not {Substeps}", key: "substeps");
    }
}
