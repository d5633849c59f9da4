using TorchSharp;
using static TorchSharp.torch;
using TorchTdhf.Models;
using TorchTdhf.Training.Checkpoints;

namespace TorchTdhf.Training.Runs;

/// <summary>Derivative matching solved in one iteration through the normal equations (<see cref="ExactLeastSquares"/>).</summary>
public sealed class ExactSolver : ITrainingSolver
{
    private readonly ILearnablePotential _model;
    private readonly DerivativeResidual _problem;

    /// <summary>A solver for <paramref name="model"/> on <paramref name="problem"/> (neither owned).</summary>
    public ExactSolver(ILearnablePotential model, DerivativeResidual problem)
    {
        _model = model;
        _problem = problem;
    }

    /// <inheritdoc />
    public long Iteration { get; private set; }

    /// <inheritdoc />
    public long TotalIterations => 1;

    /// <inheritdoc />
    public bool IsFinished => Iteration >= 1;

    /// <inheritdoc />
    public string? StopReason { get; private set; }

    /// <inheritdoc />
    public optim.Optimizer? CheckpointOptimizer => null;

    /// <inheritdoc />
    public string RngState => "none";

    /// <inheritdoc />
    public TrainingIteration Step()
    {
        using (var result = ExactLeastSquares.Solve(_problem))
        {
            _model.SetParameters(result.Parameters);
            StopReason = $"rank {result.Rank} of {_problem.ParameterCount}";
        }
        using var theta = _model.GetParameters();
        var (loss, gradient) = _problem.LossAndGradient(theta);
        using (gradient)
        {
            Iteration = 1;
            // ∇L = −2 Kᵀ r, so ‖Jᵀ r‖ = ‖∇L‖ / 2.
            return new TrainingIteration(Iteration, loss, gradient.norm().item<double>() / 2);
        }
    }

    /// <inheritdoc />
    public SolverState Export() => SolverState.Empty;

    /// <inheritdoc />
    public void Import(LoadedCheckpoint checkpoint) => Iteration = checkpoint.Progress.Iteration;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
