namespace TorchTdhf.Training.Runs;

/// <summary>How <see cref="TrainingRun"/> fits the model to the data.</summary>
public enum SolverKind
{
    /// <summary>Derivative matching as linear least squares, by LSMR (matrix-free, one J·v and one Jᵀ·w per iteration).</summary>
    Lsmr,

    /// <summary>Derivative matching solved directly through the normal equations (small models only).</summary>
    Exact,

    /// <summary>Derivative matching by Adam on minibatches.</summary>
    Adam,

    /// <summary>Derivative matching by L-BFGS (its curvature history is not checkpointed: a resume restarts it).</summary>
    Lbfgs,

    /// <summary>Derivative matching by stochastic gradient descent with optional momentum.</summary>
    Sgd,

    /// <summary>Rollout matching: RK4 propagation of the model over a few samples, by Adam.</summary>
    Rollout,
}

/// <summary>Names of <see cref="SolverKind"/> as users type them.</summary>
public static class SolverKinds
{
    /// <summary>Every solver.</summary>
    public static IReadOnlyList<SolverKind> All { get; } = Enum.GetValues<SolverKind>();

    /// <summary>The lower-case name of a solver.</summary>
    public static string Name(this SolverKind kind) => EnumNames.Of(kind);

    /// <summary>Parses a solver name (case-insensitive).</summary>
    /// <exception cref="TdhfInputException">An unknown name; the message lists the known ones.</exception>
    public static SolverKind Parse(string text) => EnumNames.Parse(text, All, "solver", "solver");
}
