using static TorchSharp.torch;

namespace TorchTdhf.Training.Checkpoints;

/// <summary>
/// The working state of a solver between iterations (e.g. the vectors and scalars of LSMR), by name. Names are
/// the solver's own; the checkpoint stores them verbatim.
/// </summary>
public sealed class SolverState : IDisposable
{
    /// <summary>Creates the state; the tensors stay owned by the caller until passed to <see cref="Dispose"/>.</summary>
    /// <param name="tensors">Named tensors of any shape; dtype float64, complex128, float32, int64, int32, uint8 or bool.</param>
    /// <param name="reals">Named real scalars.</param>
    /// <param name="integers">Named integer scalars.</param>
    public SolverState(
        IReadOnlyDictionary<string, Tensor>? tensors = null,
        IReadOnlyDictionary<string, double>? reals = null,
        IReadOnlyDictionary<string, long>? integers = null)
    {
        Tensors = tensors ?? new Dictionary<string, Tensor>();
        Reals = reals ?? new Dictionary<string, double>();
        Integers = integers ?? new Dictionary<string, long>();
    }

    /// <summary>An empty state, for solvers that keep nothing between iterations.</summary>
    public static SolverState Empty => new();

    /// <summary>Named tensors (CPU after loading).</summary>
    public IReadOnlyDictionary<string, Tensor> Tensors { get; }

    /// <summary>Named real scalars.</summary>
    public IReadOnlyDictionary<string, double> Reals { get; }

    /// <summary>Named integer scalars.</summary>
    public IReadOnlyDictionary<string, long> Integers { get; }

    /// <summary>Disposes the tensors.</summary>
    public void Dispose()
    {
        foreach (var tensor in Tensors.Values) tensor.Dispose();
    }
}
