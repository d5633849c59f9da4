using TorchSharp;
using TorchTdhf.IO;
using static TorchSharp.torch;

namespace TorchTdhf.Training;

/// <summary>
/// Everything <see cref="Lsmr"/> carries from one iteration to the next: the vectors (u, v, h, h̄, the correction, the
/// starting point and the v's kept for reorthogonalisation) and the recurrence scalars, by name. Importing it with <see cref="Lsmr.Resume"/> continues with
/// bit-identical iterates. Owns its tensors: dispose it to free them.
/// </summary>
public sealed class LsmrState : IDisposable
{
    private const string TensorPrefix = "tensor.";
    private const string ScalarPrefix = "scalar.";
    private const string CounterPrefix = "counter.";

    /// <summary>Wraps named values (the tensors are owned from now on).</summary>
    /// <param name="tensors">Vectors: domain vectors and range vectors of the operator, any shape and dtype.</param>
    /// <param name="scalars">Real recurrence scalars.</param>
    /// <param name="counters">Integers (iteration count, stop reason).</param>
    public LsmrState(IReadOnlyDictionary<string, Tensor> tensors, IReadOnlyDictionary<string, double> scalars, IReadOnlyDictionary<string, long> counters)
    {
        Tensors = tensors;
        Scalars = scalars;
        Counters = counters;
    }

    /// <summary>The vectors by name.</summary>
    public IReadOnlyDictionary<string, Tensor> Tensors { get; }

    /// <summary>The real scalars by name.</summary>
    public IReadOnlyDictionary<string, double> Scalars { get; }

    /// <summary>The integers by name.</summary>
    public IReadOnlyDictionary<string, long> Counters { get; }

    /// <summary>Writes the state as an npz (atomically): <c>tensor.NAME</c>, <c>scalar.NAME</c> (float64) and
    /// <c>counter.NAME</c> (int64) members; every value is stored exactly.</summary>
    /// <param name="path">The .npz file to create or replace.</param>
    public void Write(string path)
    {
        var arrays = Tensors.Select(p => new KeyValuePair<string, NpyArray>(TensorPrefix + p.Key, NpyArray.FromTensor(p.Value)))
            .Concat(Scalars.Select(p => new KeyValuePair<string, NpyArray>(ScalarPrefix + p.Key, NpyArray.Scalar(p.Value))))
            .Concat(Counters.Select(p => new KeyValuePair<string, NpyArray>(CounterPrefix + p.Key, NpyArray.Scalar(p.Value))));
        Npz.Write(path, arrays, compress: false);
    }

    /// <summary>Reads a state written by <see cref="Write"/>.</summary>
    /// <param name="path">The .npz file.</param>
    /// <exception cref="TdhfInputException">The file is missing or not an npz.</exception>
    public static LsmrState Read(string path)
    {
        using var z = NpzReader.Open(path);
        var tensors = new Dictionary<string, Tensor>();
        var scalars = new Dictionary<string, double>();
        var counters = new Dictionary<string, long>();
        foreach (var key in z.Keys)
        {
            if (key.StartsWith(TensorPrefix, StringComparison.Ordinal)) tensors[key[TensorPrefix.Length..]] = z.Get(key).ToTensor().DetachFromDisposeScope();
            else if (key.StartsWith(ScalarPrefix, StringComparison.Ordinal)) scalars[key[ScalarPrefix.Length..]] = z.Get(key).ScalarDouble();
            else if (key.StartsWith(CounterPrefix, StringComparison.Ordinal)) counters[key[CounterPrefix.Length..]] = z.Get(key).ScalarLong();
        }
        return new LsmrState(tensors, scalars, counters);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in Tensors.Values) tensor.Dispose();
    }
}
