using TorchSharp;
using static TorchSharp.torch;
using TorchSharp.Modules;
using TorchTdhf.Models;
using TorchTdhf.Training.Autograd;
using TorchTdhf.Training.Checkpoints;

namespace TorchTdhf.Training.Runs;

/// <summary>
/// Adam, SGD or L-BFGS through autograd (<see cref="AutogradTrainer"/>) on derivative or rollout matching. The
/// sampler's generator state travels as the checkpoint's RNG state; Adam's and SGD's state as the optimizer file.
/// L-BFGS's curvature history cannot be saved, so a resumed L-BFGS run restarts it.
/// </summary>
public sealed class AutogradSolver : ITrainingSolver
{
    private const string BestLossKey = "bestLoss";
    private const string SamplerPositionKey = "samplerPosition";

    private readonly ILearnablePotential _model;
    private readonly AutogradTrainer _trainer;

    /// <summary>A solver for <paramref name="model"/> on <paramref name="objective"/> (neither owned).</summary>
    /// <exception cref="TdhfInputException">The options are invalid.</exception>
    public AutogradSolver(ILearnablePotential model, IMinibatchObjective objective, AutogradOptions options)
    {
        _model = model;
        _trainer = new AutogradTrainer(model, objective, options);
    }

    /// <inheritdoc />
    public long Iteration => _trainer.Iteration;

    /// <inheritdoc />
    public long TotalIterations => _trainer.TotalIterations;

    /// <inheritdoc />
    public bool IsFinished => _trainer.IsFinished;

    /// <inheritdoc />
    public string? StopReason => null;

    /// <inheritdoc />
    public optim.Optimizer? CheckpointOptimizer => _trainer.Optimizer is LBFGS ? null : _trainer.Optimizer;

    /// <inheritdoc />
    public string RngState => _trainer.ExportState().Sampler.RandomState;

    /// <inheritdoc />
    public TrainingIteration Step()
    {
        var step = _trainer.Step();
        return new TrainingIteration(step.Iteration, step.Loss, null);
    }

    /// <inheritdoc />
    public SolverState Export()
    {
        var state = _trainer.ExportState();
        return new SolverState(
            reals: new Dictionary<string, double> { [BestLossKey] = state.BestLoss },
            integers: new Dictionary<string, long> { [SamplerPositionKey] = state.Sampler.Position });
    }

    /// <inheritdoc />
    public void Import(LoadedCheckpoint checkpoint)
    {
        var solver = checkpoint.Solver;
        if (!solver.Reals.TryGetValue(BestLossKey, out var bestLoss) || !solver.Integers.TryGetValue(SamplerPositionKey, out var position))
            throw new TdhfInputException($"the checkpoint lacks the optimizer's bookkeeping ('{BestLossKey}', '{SamplerPositionKey}'); it was written by solver '{checkpoint.Progress.Solver}'",
                checkpoint.Folder, key: "solver");
        // The trainer restores parameters, sampler and counters from plain data; the optimizer's moments come from the
        // checkpoint's own file afterwards (its fresh state is only a placeholder).
        var fresh = _trainer.ExportState();
        using var theta = _model.GetParameters();
        _trainer.RestoreState(fresh with
        {
            Iteration = checkpoint.Progress.Iteration,
            BestLoss = bestLoss,
            Sampler = new MinibatchSamplerState(checkpoint.Progress.RngState, position),
            Parameters = theta.data<double>().ToArray(),
        });
        if (CheckpointOptimizer is { } optimizer) checkpoint.RestoreOptimizer(optimizer);
    }

    /// <inheritdoc />
    public void Dispose() => _trainer.Dispose();
}
