namespace TorchTdhf.Training.Autograd;

/// <summary>
/// Training diverged: a step's loss was NaN or Inf, or grew beyond <see cref="AutogradOptions.DivergenceFactor"/>
/// times the best loss. The step that saw it made no update (L-BFGS excepted: its loss is known only after its
/// step), so the caller can return to its last good checkpoint and retry with a smaller learning rate.
/// </summary>
public sealed class TrainingDivergedException : TdhfInputException
{
    /// <summary>Creates the error.</summary>
    /// <param name="iteration">The step (1-based) whose loss diverged.</param>
    /// <param name="loss">Its loss.</param>
    /// <param name="bestLoss">The best loss before it (+∞ when there was none).</param>
    /// <param name="factor">The divergence factor in force.</param>
    public TrainingDivergedException(long iteration, double loss, double bestLoss, double factor)
        : base(Describe(iteration, loss, bestLoss, factor), key: "lr")
    {
        Iteration = iteration;
        Loss = loss;
        BestLoss = bestLoss;
    }

    /// <summary>The step (1-based) whose loss diverged.</summary>
    public long Iteration { get; }

    /// <summary>The diverged loss.</summary>
    public double Loss { get; }

    /// <summary>The best loss before it (+∞ when there was none).</summary>
    public double BestLoss { get; }

    private static string Describe(long iteration, double loss, double bestLoss, double factor) =>
        double.IsFinite(loss)
            ? $"training diverged at iteration {iteration}: loss {loss:G6} exceeds {factor:G3} × the best loss {bestLoss:G6}; lower the learning rate"
            : $"training diverged at iteration {iteration}: the loss is {loss}; lower the learning rate";
}
