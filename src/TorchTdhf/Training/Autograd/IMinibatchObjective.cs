using static TorchSharp.torch;

namespace TorchTdhf.Training.Autograd;

/// <summary>
/// A loss made of independent items (samples, rollout windows) that <see cref="AutogradTrainer"/> minimizes by
/// minibatches. The loss is differentiable through autograd with respect to the model's parameters.
/// </summary>
public interface IMinibatchObjective
{
    /// <summary>Items to draw minibatches from.</summary>
    long Count { get; }

    /// <summary>The loss of the items <paramref name="items"/>: a mean over them, so batch sizes compare.</summary>
    /// <param name="items">Indices into 0 … <see cref="Count"/> − 1: [B] int64.</param>
    /// <returns>A scalar float64 tensor that records the graph back to the model's parameters.</returns>
    Tensor Loss(Tensor items);
}
