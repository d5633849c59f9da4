namespace TorchTdhf.Training.Checkpoints;

/// <summary>The content of <c>state.json</c>: the run's progress, the solver's scalars and the files' digests.</summary>
public sealed record CheckpointState
{
    /// <summary>The layout version this program writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Layout version of the checkpoint.</summary>
    public required int FormatVersion { get; init; }

    /// <summary>Version of the program that wrote it.</summary>
    public required string ProgramVersion { get; init; }

    /// <summary>When it was written.</summary>
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>Where the run stood.</summary>
    public required TrainingProgress Progress { get; init; }

    /// <summary>The solver's named real scalars.</summary>
    public required IReadOnlyDictionary<string, double> SolverReals { get; init; }

    /// <summary>The solver's named integer scalars.</summary>
    public required IReadOnlyDictionary<string, long> SolverIntegers { get; init; }

    /// <summary>SHA-256 (lower-case hexadecimal) of every other file of the checkpoint, by file name.</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }
}
