using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Training.Checkpoints;

/// <summary>Everything one checkpoint holds, as the trainer hands it to <see cref="CheckpointStore.Save"/>.</summary>
public sealed record CheckpointContent
{
    /// <summary>Where the run stands.</summary>
    public required TrainingProgress Progress { get; init; }

    /// <summary>The model whose state dictionary (parameters and buffers) is saved as <c>model.pt</c>.</summary>
    public required nn.Module Model { get; init; }

    /// <summary>The optimizer whose state is saved, if the trainer uses a TorchSharp optimizer.</summary>
    public optim.Optimizer? Optimizer { get; init; }

    /// <summary>The solver's working state; empty when absent.</summary>
    public SolverState? Solver { get; init; }
}
