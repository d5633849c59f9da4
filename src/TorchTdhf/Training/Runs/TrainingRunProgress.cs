namespace TorchTdhf.Training.Runs;

/// <summary>Where a run stands after one iteration, for progress displays.</summary>
/// <param name="Iteration">Iterations completed.</param>
/// <param name="TotalIterations">The iteration limit.</param>
/// <param name="Loss">The iteration's loss (see <see cref="TrainingIteration.Loss"/>).</param>
/// <param name="GradientNorm">‖Jᵀ r‖ where the solver has it.</param>
/// <param name="IterationsPerSecond">Iterations per second in this process.</param>
/// <param name="Remaining">Estimated time to the iteration limit, once the rate is known.</param>
/// <param name="Checkpointed">Whether a checkpoint was written after this iteration.</param>
public sealed record TrainingRunProgress(long Iteration, long TotalIterations, double Loss, double? GradientNorm, double IterationsPerSecond,
    TimeSpan? Remaining, bool Checkpointed);
