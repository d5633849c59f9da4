using TorchSharp;
using static TorchSharp.torch;
using TorchTdhf.Models;
using TorchTdhf.Training.Checkpoints;

namespace TorchTdhf.Training.Runs;

/// <summary>Derivative matching by <see cref="Lsmr"/> on the model's <see cref="DerivativeResidual"/>, from θ = 0.</summary>
public sealed class LsmrSolver : ITrainingSolver
{
    // The name under which LsmrState keeps the stop reason.
    private const string StopCounter = "stop";

    private readonly ILearnablePotential _model;
    private readonly DerivativeResidual _problem;
    private readonly LsmrOptions _options;
    private Lsmr? _lsmr;

    /// <summary>A solver for <paramref name="model"/> on <paramref name="problem"/> (neither owned).</summary>
    /// <param name="model">The model whose parameters receive each iterate.</param>
    /// <param name="problem">The least-squares problem of that model.</param>
    /// <param name="options">Damping, tolerances and <see cref="LsmrOptions.MaxIterations"/> (required).</param>
    public LsmrSolver(ILearnablePotential model, DerivativeResidual problem, LsmrOptions options)
    {
        options.Validate();
        _model = model;
        _problem = problem;
        _options = options;
        TotalIterations = options.MaxIterations ?? throw new ArgumentException("the iteration limit must be set", nameof(options));
    }

    /// <inheritdoc />
    public long Iteration => _lsmr?.Iteration ?? 0;

    /// <inheritdoc />
    public long TotalIterations { get; }

    /// <inheritdoc />
    public bool IsFinished => Iteration >= TotalIterations || (_lsmr?.IsFinished ?? false);

    /// <inheritdoc />
    public string? StopReason => _lsmr is { IsFinished: true, Stop: not LsmrStop.IterationLimit } lsmr ? lsmr.Stop.ToString() : null;

    /// <inheritdoc />
    public optim.Optimizer? CheckpointOptimizer => null;

    /// <inheritdoc />
    public string RngState => "none";

    /// <inheritdoc />
    public TrainingIteration Step()
    {
        _lsmr ??= Lsmr.Start(_problem, _problem.RightHandSide, options: _options);
        if (_lsmr.IsFinished) return Report(_lsmr.Current);
        var line = _lsmr.Step();
        using (var solution = _lsmr.Solution()) _model.SetParameters(solution);
        return Report(line);
    }

    /// <inheritdoc />
    public SolverState Export()
    {
        if (_lsmr is null) return SolverState.Empty;
        var state = _lsmr.Export();
        return new SolverState(state.Tensors, state.Scalars, state.Counters);
    }

    /// <inheritdoc />
    public void Import(LoadedCheckpoint checkpoint)
    {
        if (checkpoint.Solver.Tensors.Count == 0) return;
        // Lsmr.Resume copies the vectors; the checkpoint keeps owning its own. A run that stopped only at its old
        // iteration limit goes on under the new one, so that stop is cleared.
        var counters = checkpoint.Solver.Integers.ToDictionary(p => p.Key, p => p.Value);
        if (counters.TryGetValue(StopCounter, out var stop) && stop == (long)LsmrStop.IterationLimit) counters[StopCounter] = (long)LsmrStop.None;
        var state = new LsmrState(checkpoint.Solver.Tensors, checkpoint.Solver.Reals, counters);
        _lsmr?.Dispose();
        _lsmr = Lsmr.Resume(_problem, state, _options);
        using var solution = _lsmr.Solution();
        _model.SetParameters(solution);
    }

    /// <inheritdoc />
    public void Dispose() => _lsmr?.Dispose();

    private static TrainingIteration Report(LsmrIteration line) =>
        new(line.Iteration, line.ResidualNorm * line.ResidualNorm, line.NormalResidualNorm);
}
