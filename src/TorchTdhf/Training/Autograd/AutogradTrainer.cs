using TorchSharp;
using TorchSharp.Modules;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Training.Autograd;

/// <summary>
/// Minimizes an <see cref="IMinibatchObjective"/> over a model's parameters with a TorchSharp optimizer, one
/// minibatch per <see cref="Step"/>, so the caller can checkpoint between steps (<see cref="ExportState"/>,
/// <see cref="RestoreState"/>) and stop when <see cref="IsFinished"/>.
/// </summary>
/// <remarks>
/// Each step draws the next minibatch from a seeded <see cref="MinibatchSampler"/>, evaluates the loss at the current
/// parameters, checks it for divergence and updates. Adam and SGD make one gradient evaluation per step; L-BFGS
/// re-evaluates the same minibatch through a closure up to <see cref="AutogradOptions.LbfgsIterations"/> times.
/// Given the same options, model start and thread count, runs are bit-identical, also across an export and restore.
/// </remarks>
public sealed class AutogradTrainer : IDisposable
{
    private readonly ILearnablePotential _model;
    private readonly IMinibatchObjective _objective;
    private readonly AutogradOptions _options;
    private readonly MinibatchSampler _sampler;

    /// <summary>A trainer of <paramref name="model"/>'s parameters on <paramref name="objective"/> (neither owned).</summary>
    /// <exception cref="TdhfInputException">The options are invalid.</exception>
    public AutogradTrainer(ILearnablePotential model, IMinibatchObjective objective, AutogradOptions options)
    {
        options.Validate();
        _model = model;
        _objective = objective;
        _options = options;
        _sampler = new MinibatchSampler(objective.Count, options.BatchSize, options.Seed);
        TotalIterations = options.TotalIterations(_sampler.BatchesPerEpoch);
        Optimizer = OptimizerFactory.Create(options, model.Module.parameters());
    }

    /// <summary>The TorchSharp optimizer (e.g. to adjust its learning rate between steps).</summary>
    public optim.Optimizer Optimizer { get; }

    /// <summary>Steps completed.</summary>
    public long Iteration { get; private set; }

    /// <summary>Steps of the whole run (<see cref="AutogradOptions.TotalIterations"/>).</summary>
    public long TotalIterations { get; }

    /// <summary>The lowest step loss so far; +∞ before the first step.</summary>
    public double BestLoss { get; private set; } = double.PositiveInfinity;

    /// <summary>True once <see cref="TotalIterations"/> steps are done.</summary>
    public bool IsFinished => Iteration >= TotalIterations;

    /// <summary>One optimizer step on the next minibatch.</summary>
    /// <returns>The iteration number and the minibatch loss before the update.</returns>
    /// <exception cref="TrainingDivergedException">The loss is NaN, Inf or beyond the divergence factor times the best loss.</exception>
    public TrainingStep Step()
    {
        if (IsFinished) throw new InvalidOperationException($"the run is complete after {TotalIterations} iterations");
        using var scope = torch.NewDisposeScope();
        var batch = _sampler.Next();
        var items = torch.tensor(batch, ScalarType.Int64);
        var loss = Optimizer is LBFGS ? LbfgsStep(items) : GradientStep(items);
        Iteration++;
        return new TrainingStep(Iteration, loss, batch.Length);
    }

    /// <summary>The trainer's state after the last step, detached from it (safe to keep while training goes on).</summary>
    public AutogradTrainerState ExportState()
    {
        using var theta = _model.GetParameters();
        return new AutogradTrainerState(_options.Optimizer, Iteration, BestLoss, _sampler.ExportState(),
            theta.data<double>().ToArray(), SaveOptimizer());
    }

    /// <summary>Continues from <paramref name="state"/>: parameters, optimizer state, sampler and counters.</summary>
    /// <exception cref="TdhfInputException">The state belongs to another optimizer or model size, or is malformed.</exception>
    public void RestoreState(AutogradTrainerState state)
    {
        if (state.Optimizer != _options.Optimizer)
            throw new TdhfInputException($"the saved state is of optimizer {state.Optimizer.Name()}, not {_options.Optimizer.Name()}", key: "optimizer");
        if (state.Parameters.LongLength != _model.ParameterCount)
            throw new TdhfInputException($"the saved state holds {state.Parameters.LongLength} parameters, the model {_model.ParameterCount}", key: "parameters");
        _sampler.Restore(state.Sampler);
        using (var theta = torch.tensor(state.Parameters, ScalarType.Float64)) _model.SetParameters(theta);
        LoadOptimizer(state.OptimizerState);
        Iteration = state.Iteration;
        BestLoss = state.BestLoss;
    }

    /// <inheritdoc />
    public void Dispose() => Optimizer.Dispose();

    // Adam / SGD: the divergence check comes before the update, so a diverged step leaves θ as it was.
    private double GradientStep(Tensor items)
    {
        Optimizer.zero_grad();
        var loss = _objective.Loss(items);
        var value = loss.item<double>();
        RequireConverging(value);
        loss.backward();
        Optimizer.step();
        return value;
    }

    // libtorch's L-BFGS calls the closure (with gradients enabled) as often as its inner iterations need; its first
    // evaluation is the loss before the step.
    private double LbfgsStep(Tensor items)
    {
        double? first = null;
        Optimizer.step(() =>
        {
            Optimizer.zero_grad();
            var loss = _objective.Loss(items);
            loss.backward();
            first ??= loss.item<double>();
            return loss;
        });
        var value = first ?? double.NaN;
        RequireConverging(value);
        return value;
    }

    private void RequireConverging(double loss)
    {
        if (!double.IsFinite(loss) || loss > _options.DivergenceFactor * BestLoss)
            throw new TrainingDivergedException(Iteration + 1, loss, BestLoss, _options.DivergenceFactor);
        BestLoss = Math.Min(BestLoss, loss);
    }

    private byte[]? SaveOptimizer()
    {
        if (Optimizer is not OptimizerHelper helper) return null;
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream)) helper.save_state_dict(writer);
        return stream.ToArray();
    }

    private void LoadOptimizer(byte[]? saved)
    {
        if (Optimizer is not OptimizerHelper helper) return;
        if (saved is null) throw new TdhfInputException($"the saved state has no {_options.Optimizer.Name()} optimizer state", key: "optimizerState");
        using var reader = new BinaryReader(new MemoryStream(saved));
        helper.load_state_dict(reader);
    }
}
