namespace TorchTdhf.Training.Autograd;

/// <summary>The TorchSharp optimizers that train a model through autograd.</summary>
public enum OptimizerKind
{
    /// <summary>Adam with PyTorch's defaults (β = (0.9, 0.999), ε = 1e-8).</summary>
    Adam,

    /// <summary>Stochastic gradient descent, optionally with (heavy-ball) momentum.</summary>
    Sgd,

    /// <summary>Limited-memory BFGS (libtorch's, without line search); best with full batches.</summary>
    Lbfgs,
}

/// <summary>Names of <see cref="OptimizerKind"/> as users type them (<c>adam</c>, <c>sgd</c>, <c>lbfgs</c>).</summary>
public static class OptimizerKinds
{
    /// <summary>Every kind.</summary>
    public static IReadOnlyList<OptimizerKind> All { get; } = new[] { OptimizerKind.Adam, OptimizerKind.Sgd, OptimizerKind.Lbfgs };

    /// <summary>The lower-case name of a kind.</summary>
    public static string Name(this OptimizerKind kind) => EnumNames.Of(kind);

    /// <summary>Parses <c>adam</c>, <c>sgd</c> or <c>lbfgs</c> (case-insensitive; <c>l-bfgs</c> too).</summary>
    /// <exception cref="TdhfInputException">Anything else (key <c>optimizer</c>); the message lists the known names.</exception>
    public static OptimizerKind Parse(string text) => EnumNames.Parse(text, All, "optimizer", "optimizer", ignored: '-');
}
