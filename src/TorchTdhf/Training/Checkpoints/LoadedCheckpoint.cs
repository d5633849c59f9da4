using TorchSharp;
using TorchSharp.PyBridge;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Training.Checkpoints;

/// <summary>
/// A verified checkpoint: its state and solver state in memory, and the model and optimizer state ready to be
/// put into freshly built objects of the same shape. Owns the solver tensors.
/// </summary>
public sealed class LoadedCheckpoint : IDisposable
{
    private readonly byte[] _model;
    private readonly byte[]? _optimizer;

    internal LoadedCheckpoint(string folder, CheckpointState state, SolverState solver, byte[] model, byte[]? optimizer)
    {
        Folder = folder;
        State = state;
        Solver = solver;
        _model = model;
        _optimizer = optimizer;
    }

    /// <summary>The folder it was read from (<c>…/latest</c> or <c>…/previous</c>).</summary>
    public string Folder { get; }

    /// <summary>The content of <c>state.json</c>.</summary>
    public CheckpointState State { get; }

    /// <summary>Where the run stood.</summary>
    public TrainingProgress Progress => State.Progress;

    /// <summary>The solver's tensors (CPU, dtype as saved) and scalars.</summary>
    public SolverState Solver { get; }

    /// <summary>Whether an optimizer's state was saved.</summary>
    public bool HasOptimizerState => _optimizer is not null;

    /// <summary>
    /// Problems met on the way to this checkpoint (e.g. a corrupt newer checkpoint that was skipped), one sentence
    /// each naming the file; empty when the latest checkpoint loaded cleanly.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; internal set; } = Array.Empty<string>();

    /// <summary>Copies the saved parameters and buffers into <paramref name="model"/>, bit for bit.</summary>
    /// <param name="model">A module of the type that was saved (same parameter names and shapes).</param>
    /// <exception cref="TdhfInputException">The saved state dictionary does not fit the module.</exception>
    public void RestoreModel(nn.Module model)
    {
        var path = Path.Combine(Folder, CheckpointLayout.Model);
        try
        {
            using var stream = new MemoryStream(_model, writable: false);
            model.load_py(stream, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidCastException or KeyNotFoundException
                                      or InvalidDataException or System.Runtime.InteropServices.ExternalException)
        {
            throw new TdhfInputException($"the saved parameters do not fit this model ({e.Message})", path, inner: e);
        }
    }

    /// <summary>Restores the optimizer's state (moments, step counts, learning rates), bit for bit.</summary>
    /// <param name="optimizer">An optimizer of the saved type over the restored model's parameters, in the same order.</param>
    /// <exception cref="TdhfInputException">No optimizer state was saved, or it belongs to another optimizer.</exception>
    public void RestoreOptimizer(optim.Optimizer optimizer)
    {
        var path = Path.Combine(Folder, CheckpointLayout.Optimizer);
        if (_optimizer is null)
            throw new TdhfInputException($"the checkpoint holds no optimizer state (it was written by solver '{Progress.Solver}')", path);
        OptimizerStateFile.Read(_optimizer, optimizer, path);
    }

    /// <summary>Throws unless the run can continue with the current model and data.</summary>
    /// <param name="kind">The model kind asked for now.</param>
    /// <param name="basisSize">N of the data given now.</param>
    /// <param name="parameterCount">Parameter count of the model built now.</param>
    /// <param name="dataFingerprint">Fingerprint of the data given now.</param>
    /// <exception cref="TdhfInputException">Names every item that differs, with both values.</exception>
    public void CheckResumable(ModelKind kind, int basisSize, long parameterCount, string dataFingerprint) =>
        ResumeCheck.Verify(Progress, Path.Combine(Folder, CheckpointLayout.State), kind, basisSize, parameterCount, dataFingerprint);

    /// <summary>Disposes the solver tensors.</summary>
    public void Dispose() => Solver.Dispose();
}
