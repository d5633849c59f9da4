namespace TorchTdhf.Training.Autograd;

/// <summary>
/// Everything an <see cref="AutogradTrainer"/> needs to continue bit-identically: the parameters, the optimizer's
/// state, the minibatch sampler's position and the divergence bookkeeping. Plain data, so a checkpoint can store it.
/// </summary>
/// <param name="Optimizer">The optimizer it came from; restoring into another kind is refused.</param>
/// <param name="Iteration">Steps completed.</param>
/// <param name="BestLoss">The best step loss so far (+∞ before the first step).</param>
/// <param name="Sampler">The minibatch sampler's state.</param>
/// <param name="Parameters">θ: the model's flat parameter vector (<see cref="Models.ILearnablePotential.GetParameters"/>).</param>
/// <param name="OptimizerState">
/// TorchSharp's binary optimizer state (<c>save_state_dict</c>: moments, step counts, momentum buffers); null for
/// L-BFGS, whose native libtorch implementation cannot export its curvature history, so it restarts from θ.
/// </param>
public sealed record AutogradTrainerState(
    OptimizerKind Optimizer,
    long Iteration,
    double BestLoss,
    MinibatchSamplerState Sampler,
    double[] Parameters,
    byte[]? OptimizerState);
