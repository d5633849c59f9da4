using System.Text.Json.Nodes;
using TorchTdhf.Datasets;
using TorchTdhf.Models;
using TorchTdhf.Training.Checkpoints;

namespace TorchTdhf.Study;

/// <summary>
/// A learned model restored from a training run's newest checkpoint, with the identity of the system it was trained
/// on (the fingerprint in the <c>system.npz</c> of the run's training data folders, as recorded in the checkpoint's
/// configuration).
/// </summary>
public sealed class CheckpointModel : IDisposable
{
    private CheckpointModel(ILearnablePotential model, TrainingProgress progress, string folder, string? systemFingerprint, string digest)
    {
        Model = model;
        Progress = progress;
        Folder = folder;
        SystemFingerprint = systemFingerprint;
        Digest = digest;
    }

    /// <summary>The restored model (orthonormal basis of the training system).</summary>
    public ILearnablePotential Model { get; }

    /// <summary>The checkpoint's training progress (kind, N, solver, loss history, configuration).</summary>
    public TrainingProgress Progress { get; }

    /// <summary>The checkpoint folder that was read.</summary>
    public string Folder { get; }

    /// <summary>The training system's fingerprint, or null when the training data can no longer be found.</summary>
    public string? SystemFingerprint { get; }

    /// <summary>SHA-256 over the checkpoint's state and model files: changes with every new checkpoint.</summary>
    public string Digest { get; }

    /// <summary>Loads the newest checkpoint of <paramref name="path"/> (a run folder, or a checkpoint folder inside one).</summary>
    /// <exception cref="TdhfInputException">No checkpoint there, or it is damaged (the file is named).</exception>
    public static CheckpointModel Load(string path)
    {
        if (!Directory.Exists(path)) throw new TdhfInputException("the checkpoint folder does not exist", path, key: "--checkpoint");
        var runFolder = File.Exists(Path.Combine(path, CheckpointLayout.State)) ? Path.GetDirectoryName(Path.GetFullPath(path))! : path;
        using var checkpoint = new CheckpointStore(runFolder).TryLoadLatest()
            ?? throw new TdhfInputException($"no checkpoint here (expected {CheckpointLayout.Latest}/ or {CheckpointLayout.Previous}/ with {CheckpointLayout.State})", path, key: "--checkpoint");
        var progress = checkpoint.Progress;
        var model = ModelFactory.Create(progress.ModelKind, progress.BasisSize);
        try
        {
            checkpoint.RestoreModel(model.Module);
            var digest = Digests.OfFiles(new[] { CheckpointLayout.State, CheckpointLayout.Model }.Select(f => Path.Combine(checkpoint.Folder, f)));
            return new CheckpointModel(model, progress, checkpoint.Folder, TrainingSystem(progress.Configuration), digest);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();

    // The run's options are recorded with snake_case keys; data_folders are absolute when the run was started by the study.
    private static string? TrainingSystem(JsonObject configuration)
    {
        if (configuration["data_folders"] is not JsonArray folders) return null;
        var file = folders.Select(f => f?.GetValue<string>()).Where(f => f is not null).Select(f => DatasetSystemFile.PathIn(f!)).FirstOrDefault(File.Exists);
        return file is null ? null : DatasetSystemFile.Fingerprint(file);
    }
}
