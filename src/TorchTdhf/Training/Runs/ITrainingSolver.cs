using TorchSharp;
using static TorchSharp.torch;
using TorchTdhf.Training.Checkpoints;

namespace TorchTdhf.Training.Runs;

/// <summary>
/// One solver family driven step by step by <see cref="TrainingRun"/>: each <see cref="Step"/> leaves the current
/// parameters in the model, and <see cref="Export"/> / <see cref="Import"/> carry the working state through a
/// checkpoint so that a resumed run continues bit for bit.
/// </summary>
public interface ITrainingSolver : IDisposable
{
    /// <summary>Iterations completed.</summary>
    long Iteration { get; }

    /// <summary>Iterations the run is allowed.</summary>
    long TotalIterations { get; }

    /// <summary>True when the iteration limit is reached or the solver's own stopping rule holds.</summary>
    bool IsFinished { get; }

    /// <summary>Why the solver stopped before its iteration limit (e.g. LSMR's convergence test), or null.</summary>
    string? StopReason { get; }

    /// <summary>The optimizer whose state a checkpoint must hold, or null (LSMR, exact, L-BFGS).</summary>
    optim.Optimizer? CheckpointOptimizer { get; }

    /// <summary>The random-number generator's state to store with a checkpoint ("none" for deterministic solvers).</summary>
    string RngState { get; }

    /// <summary>One iteration; the model holds the new parameters afterwards.</summary>
    /// <exception cref="Autograd.TrainingDivergedException">The loss diverged; the model keeps the parameters of the last good step.</exception>
    TrainingIteration Step();

    /// <summary>The solver's working state (besides the model and optimizer); the caller disposes it.</summary>
    SolverState Export();

    /// <summary>Continues from a checkpoint whose model parameters are already restored into the model.</summary>
    /// <exception cref="TdhfInputException">The checkpoint lacks a value this solver needs.</exception>
    void Import(LoadedCheckpoint checkpoint);
}

/// <summary>What one solver iteration reports.</summary>
/// <param name="Iteration">Iterations completed, this one included.</param>
/// <param name="Loss">The loss: LSMR's recurrence estimate of ‖r‖² (with damping or a preconditioned ridge, of the augmented residual, ‖r‖² + λ‖θ‖²), the
/// exact solver's Σ‖r‖², or an optimizer's minibatch loss before its update.</param>
/// <param name="GradientNorm">‖Jᵀ r‖ where the solver has it (LSMR, exact), else null.</param>
public sealed record TrainingIteration(long Iteration, double Loss, double? GradientNorm);
