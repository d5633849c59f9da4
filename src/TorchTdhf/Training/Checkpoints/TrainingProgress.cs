using System.Text.Json.Nodes;
using TorchTdhf.Models;

namespace TorchTdhf.Training.Checkpoints;

/// <summary>
/// What the trainer knows about a run at the moment it checkpoints: enough to tell whether the run may be resumed
/// with the current inputs, and to continue it exactly (iteration, random-number state, loss history).
/// </summary>
public sealed record TrainingProgress
{
    /// <summary>The model's parameterisation.</summary>
    public required ModelKind ModelKind { get; init; }

    /// <summary>A name for the model as the user knows it (e.g. the system and basis it is trained for).</summary>
    public required string ModelName { get; init; }

    /// <summary>Orthonormal basis size N of the training data.</summary>
    public required int BasisSize { get; init; }

    /// <summary>Length of the flat parameter vector θ.</summary>
    public required long ParameterCount { get; init; }

    /// <summary>The solver or optimizer that produced the state (e.g. <c>lsmr</c>, <c>adam</c>).</summary>
    public required string Solver { get; init; }

    /// <summary>Number of completed iterations.</summary>
    public required long Iteration { get; init; }

    /// <summary>The serialized state of the trainer's random-number generator; opaque to the checkpoint.</summary>
    public required string RngState { get; init; }

    /// <summary>The loss after each completed iteration, oldest first.</summary>
    public required IReadOnlyList<double> LossHistory { get; init; }

    /// <summary>The run's configuration as the trainer records it.</summary>
    public required JsonObject Configuration { get; init; }

    /// <summary>A fingerprint of the training data (e.g. a SHA-256 in hexadecimal).</summary>
    public required string DataFingerprint { get; init; }

    /// <summary>When the run started, if the trainer tracks it.</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
