using TorchSharp;
using static TorchSharp.torch;
using TorchTdhf.Models;
using TorchTdhf.Training.Checkpoints;
using TorchTdhf.Training.Preconditioning;

namespace TorchTdhf.Training.Runs;

/// <summary>
/// Derivative matching by <see cref="Lsmr"/> on the model's <see cref="DerivativeResidual"/>, from θ = 0; or, with a
/// <see cref="PreconditionedRidge"/>, its ridge-regularised form, where LSMR iterates on the preconditioned unknowns y
/// (its checkpointed state holds y) and θ = θ(y).
/// </summary>
public sealed class LsmrSolver : ITrainingSolver
{
    // The name under which LsmrState keeps the stop reason.
    private const string StopCounter = "stop";

    // The names under which a checkpoint records the preconditioner its y belongs to: the dimension of y (0: none)
    // and the requested relative ridge (0: none).
    private const string PreconditionerDimensionCounter = "preconditionerDimension";
    private const string PreconditionerRidgeScalar = "preconditionerRidge";

    private readonly ILearnablePotential _model;
    private readonly DerivativeResidual _problem;
    private readonly PreconditionedRidge? _ridge;
    private readonly LsmrOptions _options;
    private Lsmr? _lsmr;

    /// <summary>A solver for <paramref name="model"/> on <paramref name="problem"/> (neither owned).</summary>
    /// <param name="model">The model whose parameters receive each iterate.</param>
    /// <param name="problem">The least-squares problem of that model.</param>
    /// <param name="options">Damping, tolerances and <see cref="LsmrOptions.MaxIterations"/> (required).</param>
    /// <param name="ridge">The preconditioned ridge problem on <paramref name="problem"/> (not owned), or null to iterate on θ itself.</param>
    public LsmrSolver(ILearnablePotential model, DerivativeResidual problem, LsmrOptions options, PreconditionedRidge? ridge = null)
    {
        options.Validate();
        _model = model;
        _problem = problem;
        _ridge = ridge;
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
        _lsmr ??= Start();
        if (_lsmr.IsFinished) return Report(_lsmr.Current);
        var line = _lsmr.Step();
        PublishSolution();
        return Report(line);
    }

    /// <inheritdoc />
    public SolverState Export()
    {
        if (_lsmr is null) return SolverState.Empty;
        var state = _lsmr.Export();
        var scalars = state.Scalars.ToDictionary(p => p.Key, p => p.Value);
        var counters = state.Counters.ToDictionary(p => p.Key, p => p.Value);
        scalars[PreconditionerRidgeScalar] = _ridge?.RelativeRidge ?? 0;
        counters[PreconditionerDimensionCounter] = _ridge?.Dimension ?? 0;
        return new SolverState(state.Tensors, scalars, counters);
    }

    /// <inheritdoc />
    public void Import(LoadedCheckpoint checkpoint)
    {
        if (checkpoint.Solver.Tensors.Count == 0) return;
        RequireSamePreconditioner(checkpoint);
        // Lsmr.Resume copies the vectors; the checkpoint keeps owning its own. A run that stopped only at its old
        // iteration limit goes on under the new one, so that stop is cleared.
        var counters = checkpoint.Solver.Integers.ToDictionary(p => p.Key, p => p.Value);
        if (counters.TryGetValue(StopCounter, out var stop) && stop == (long)LsmrStop.IterationLimit) counters[StopCounter] = (long)LsmrStop.None;
        var state = new LsmrState(checkpoint.Solver.Tensors, checkpoint.Solver.Reals, counters);
        _lsmr?.Dispose();
        _lsmr = Lsmr.Resume(Operator, state, _options);
        PublishSolution();
    }

    /// <inheritdoc />
    public void Dispose() => _lsmr?.Dispose();

    // LSMR's vectors mean θ only under the preconditioner they were built with. Checkpoints from before preconditioning
    // existed have neither entry and were unpreconditioned.
    private void RequireSamePreconditioner(LoadedCheckpoint checkpoint)
    {
        var dimension = checkpoint.Solver.Integers.GetValueOrDefault(PreconditionerDimensionCounter);
        var ridge = checkpoint.Solver.Reals.GetValueOrDefault(PreconditionerRidgeScalar);
        if (dimension == (_ridge?.Dimension ?? 0) && ridge == (_ridge?.RelativeRidge ?? 0)) return;
        static string Describe(long d, double r) => d == 0 ? "no preconditioner" : $"the normal preconditioner (ridge {r:G3}, {d} unknowns)";
        throw new TdhfInputException(
            $"cannot resume: the checkpoint's LSMR ran with {Describe(dimension, ridge)}, the options give {Describe(_ridge?.Dimension ?? 0, _ridge?.RelativeRidge ?? 0)}",
            checkpoint.Folder, key: "preconditioner");
    }

    private ILinearOperator Operator => _ridge is null ? _problem : _ridge;

    private Lsmr Start()
    {
        if (_ridge is null) return Lsmr.Start(_problem, _problem.RightHandSide, options: _options);
        using var rightHandSide = _ridge.RightHandSide();
        return Lsmr.Start(_ridge, rightHandSide, options: _options);
    }

    // θ (from y when preconditioned) into the model's parameters.
    private void PublishSolution()
    {
        using var solution = _lsmr!.Solution();
        if (_ridge is null)
        {
            _model.SetParameters(solution);
            return;
        }
        using var theta = _ridge.Parameters(solution);
        _model.SetParameters(theta);
    }

    private static TrainingIteration Report(LsmrIteration line) =>
        new(line.Iteration, line.ResidualNorm * line.ResidualNorm, line.NormalResidualNorm);
}
