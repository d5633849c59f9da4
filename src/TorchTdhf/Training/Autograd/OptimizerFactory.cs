using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchTdhf.Training.Autograd;

/// <summary>Builds the TorchSharp optimizer that <see cref="AutogradOptions"/> describe.</summary>
public static class OptimizerFactory
{
    /// <summary>The optimizer over <paramref name="parameters"/> (float64 tensors the optimizer updates in place).</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="parameters">The trainable parameters, e.g. <c>model.Module.parameters()</c>.</param>
    public static optim.Optimizer Create(AutogradOptions options, IEnumerable<Parameter> parameters) => options.Optimizer switch
    {
        // TorchSharp's Adam defaults β₂ to 0.99; PyTorch's 0.999 is what published settings assume.
        OptimizerKind.Adam => optim.Adam(parameters, options.LearningRate, beta1: 0.9, beta2: 0.999, eps: 1e-8),
        OptimizerKind.Sgd => optim.SGD(parameters, options.LearningRate, momentum: options.Momentum),
        OptimizerKind.Lbfgs => optim.LBFGS(parameters, options.LearningRate, max_iter: options.LbfgsIterations,
            history_size: options.HistorySize),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Optimizer, "unknown optimizer"),
    };
}
