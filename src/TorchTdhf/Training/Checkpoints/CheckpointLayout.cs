namespace TorchTdhf.Training.Checkpoints;

/// <summary>Names of the folders and files of a run's checkpoints (documented in <c>checkpoints/README.md</c>).</summary>
public static class CheckpointLayout
{
    /// <summary>The newest complete checkpoint.</summary>
    public const string Latest = "latest";

    /// <summary>The checkpoint before <see cref="Latest"/>, kept so a damaged latest one is not fatal.</summary>
    public const string Previous = "previous";

    /// <summary>The model's state dictionary, readable by PyTorch's <c>torch.load</c>.</summary>
    public const string Model = "model.pt";

    /// <summary>The optimizer's state in TorchSharp's own format (present only when the trainer used an optimizer).</summary>
    public const string Optimizer = "optimizer.bin";

    /// <summary>The solver's named tensors as a NumPy archive (present only when the solver has any).</summary>
    public const string Solver = "solver.npz";

    /// <summary>Run metadata, solver scalars and the SHA-256 of every other file.</summary>
    public const string State = "state.json";

    /// <summary>The SHA-256 of <see cref="State"/>, in the format of <c>sha256sum</c>.</summary>
    public const string StateDigest = "state.json.sha256";

    /// <summary>Prefix of a checkpoint being written; such folders are incomplete and removed by the next save.</summary>
    internal const string SavingPrefix = ".saving-";

    /// <summary>Prefix of a superseded checkpoint on its way out.</summary>
    internal const string RetiredPrefix = ".retired-";
}
