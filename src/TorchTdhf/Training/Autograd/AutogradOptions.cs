namespace TorchTdhf.Training.Autograd;

/// <summary>
/// How <see cref="AutogradTrainer"/> optimizes: which TorchSharp optimizer, its settings, the minibatches and when to
/// stop or give up. Keys of <see cref="TdhfInputException"/> from <see cref="Validate"/> are the property names in
/// camel case (<c>lr</c> for the learning rate).
/// </summary>
public sealed record AutogradOptions
{
    /// <summary>The optimizer.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>Learning rate (step scale), finite and positive.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Items (samples or rollout windows) per minibatch; at least the item count means full batches.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Passes over the items; the run takes Epochs · ⌈items / BatchSize⌉ steps unless <see cref="Iterations"/> is set.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Total optimizer steps, overriding <see cref="Epochs"/> when set.</summary>
    public long? Iterations { get; init; }

    /// <summary>SGD momentum μ ∈ [0, 1); ignored by the other optimizers.</summary>
    public double Momentum { get; init; }

    /// <summary>L-BFGS: curvature pairs kept.</summary>
    public int HistorySize { get; init; } = 100;

    /// <summary>L-BFGS: inner iterations per step (each evaluates the loss and gradient at least once).</summary>
    public int LbfgsIterations { get; init; } = 20;

    /// <summary>Seed of the minibatch order.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// A step diverges when its loss is NaN or Inf or exceeds this factor times the best loss seen so far (&gt; 1).
    /// Minibatch losses scatter around the full loss, so the factor is generous by default.
    /// </summary>
    public double DivergenceFactor { get; init; } = 1e3;

    /// <summary>Checks every setting, naming the first one out of range.</summary>
    /// <exception cref="TdhfInputException">A setting is invalid; <see cref="TdhfInputException.Key"/> names it.</exception>
    public void Validate()
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw new TdhfInputException($"the learning rate must be a positive number, not {LearningRate}", key: "lr");
        if (BatchSize < 1) throw new TdhfInputException($"the batch size must be at least 1, not {BatchSize}", key: "batchSize");
        if (Epochs < 1) throw new TdhfInputException($"the number of epochs must be at least 1, not {Epochs}", key: "epochs");
        if (Iterations is < 1) throw new TdhfInputException($"the number of iterations must be at least 1, not {Iterations}", key: "iterations");
        if (!(Momentum >= 0 && Momentum < 1)) throw new TdhfInputException($"the momentum must lie in [0, 1), not {Momentum}", key: "momentum");
        if (HistorySize < 1) throw new TdhfInputException($"the L-BFGS history size must be at least 1, not {HistorySize}", key: "historySize");
        if (LbfgsIterations < 1) throw new TdhfInputException($"the L-BFGS iterations per step must be at least 1, not {LbfgsIterations}", key: "lbfgsIterations");
        if (!(DivergenceFactor > 1) || double.IsNaN(DivergenceFactor))
            throw new TdhfInputException($"the divergence factor must exceed 1, not {DivergenceFactor}", key: "divergenceFactor");
    }

    /// <summary>Steps of the whole run for <paramref name="batchesPerEpoch"/> batches per epoch.</summary>
    public long TotalIterations(long batchesPerEpoch) => Iterations ?? Epochs * batchesPerEpoch;
}
