namespace TorchTdhf.Training.Autograd;

/// <summary>What one <see cref="AutogradTrainer.Step"/> did.</summary>
/// <param name="Iteration">Steps completed, this one included (1 after the first).</param>
/// <param name="Loss">The minibatch loss at the parameters before the update.</param>
/// <param name="BatchSize">Items in the minibatch.</param>
public sealed record TrainingStep(long Iteration, double Loss, int BatchSize);
