using System.Text.Json;
using TorchTdhf.IO;

namespace TorchTdhf.Datasets;

/// <summary>
/// A dataset on disk: a folder with <c>manifest.json</c> and one sub-folder per trajectory (see
/// <see cref="TrajectoryFiles"/>). The manifest is rewritten atomically each time a trajectory is finished, so an
/// interrupted ensemble can be resumed: skip the members for which <see cref="IsComplete"/> is true. One process
/// at a time may write a dataset folder.
/// </summary>
public sealed class DatasetFolder
{
    /// <summary>Name of the manifest file in the dataset folder.</summary>
    public const string ManifestFileName = "manifest.json";

    private readonly object _gate = new();
    private DatasetManifest _manifest;

    private DatasetFolder(string path, DatasetManifest manifest)
    {
        Path = path;
        _manifest = manifest;
    }

    /// <summary>The dataset folder (absolute).</summary>
    public string Path { get; }

    /// <summary>The manifest as last written.</summary>
    public DatasetManifest Manifest
    {
        get
        {
            lock (_gate) return _manifest;
        }
    }

    private string ManifestPath => System.IO.Path.Combine(Path, ManifestFileName);

    /// <summary>Makes a new, empty dataset (the folder may exist but must not hold a manifest).</summary>
    /// <exception cref="TdhfInputException">The folder already holds a dataset.</exception>
    public static DatasetFolder Create(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = new DatasetFolder(full, new DatasetManifest());
        if (File.Exists(folder.ManifestPath)) throw new TdhfInputException("already holds a dataset (open it to resume instead)", folder.ManifestPath);
        Directory.CreateDirectory(full);
        folder.WriteManifest(folder._manifest);
        return folder;
    }

    /// <summary>Opens an existing dataset.</summary>
    /// <exception cref="TdhfInputException">The manifest is missing or malformed.</exception>
    public static DatasetFolder Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var manifestPath = System.IO.Path.Combine(full, ManifestFileName);
        var manifest = DatasetJson.Read<DatasetManifest>(manifestPath, "dataset manifest");
        if (manifest.Format != DatasetManifest.FormatName || manifest.FormatVersion != 1)
            throw new TdhfInputException($"not a TorchTdhf dataset manifest (format '{manifest.Format}' version {manifest.FormatVersion})", manifestPath, key: "format");
        var duplicate = manifest.Trajectories.GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new TdhfInputException($"trajectory '{duplicate.Key}' is listed twice", manifestPath, key: "trajectories");
        return new DatasetFolder(full, manifest);
    }

    /// <summary>Opens the dataset at <paramref name="path"/>, or creates it when it has no manifest yet.</summary>
    public static DatasetFolder OpenOrCreate(string path) =>
        File.Exists(System.IO.Path.Combine(path, ManifestFileName)) ? Open(path) : Create(path);

    /// <summary>The folder of trajectory <paramref name="memberId"/>.</summary>
    public string TrajectoryFolder(string memberId) => System.IO.Path.Combine(Path, memberId);

    /// <summary>
    /// True when trajectory <paramref name="memberId"/> ran to the end with the spec whose hash is
    /// <paramref name="expectedSpecHash"/> and its files are present, so a resumed run can skip it.
    /// </summary>
    public bool IsComplete(string memberId, string expectedSpecHash)
    {
        var entry = Manifest.Trajectories.FirstOrDefault(e => e.Id == memberId);
        if (entry is null || !entry.Completed || entry.SpecHash != expectedSpecHash) return false;
        var folder = System.IO.Path.Combine(Path, entry.Path);
        return new[] { TrajectoryFiles.Densities, TrajectoryFiles.Derivatives, TrajectoryFiles.Times, TrajectoryFiles.Field, TrajectoryFiles.Metadata }
            .All(name => File.Exists(System.IO.Path.Combine(folder, name)));
    }

    /// <summary>Adds or replaces the entry of a finished (or stopped) trajectory and rewrites the manifest atomically.</summary>
    /// <param name="metadata">The trajectory's metadata, as written to its sidecar.</param>
    public void Record(TrajectoryMetadata metadata)
    {
        var entry = ManifestEntry.From(metadata);
        lock (_gate)
        {
            var list = _manifest.Trajectories.ToList();
            var index = list.FindIndex(e => e.Id == entry.Id);
            if (index >= 0) list[index] = entry;
            else list.Add(entry);
            Replace(_manifest with { Trajectories = list });
        }
    }

    /// <summary>
    /// Starts writing a batch of trajectories propagated together (same system and time grid); see
    /// <see cref="TrajectoryWriter"/>.
    /// </summary>
    /// <param name="members">One entry per batch member, in the batch's order.</param>
    /// <param name="options">Blow-up bound; defaults when null.</param>
    /// <exception cref="TdhfInputException">A member or option is invalid, or the members disagree on the grid or system.</exception>
    public TrajectoryWriter BeginTrajectories(IReadOnlyList<TrajectoryMember> members, TrajectoryWriterOptions? options = null) =>
        new(this, members, options ?? new TrajectoryWriterOptions());

    /// <summary>Drops a trajectory's entry before its files are replaced, so a crash meanwhile cannot leave a stale "complete".</summary>
    internal void Forget(string memberId)
    {
        lock (_gate)
        {
            if (_manifest.Trajectories.All(e => e.Id != memberId)) return;
            Replace(_manifest with { Trajectories = _manifest.Trajectories.Where(e => e.Id != memberId).ToList() });
        }
    }

    private void Replace(DatasetManifest manifest)
    {
        WriteManifest(manifest);
        _manifest = manifest;
    }

    private void WriteManifest(DatasetManifest manifest) =>
        AtomicFile.WriteAllText(ManifestPath, JsonSerializer.Serialize(manifest, DatasetJson.Indented) + "\n");
}
