namespace TorchTdhf.Datasets;

/// <summary>
/// Trajectories of one system loaded from one or more dataset folders, checked to share the system fingerprint,
/// basis size and electron count. Owns the trajectories' tensors: dispose the dataset to free them.
/// </summary>
public sealed class Dataset : IDisposable
{
    private Dataset(IReadOnlyList<Trajectory> trajectories)
    {
        Trajectories = trajectories;
        var first = trajectories[0].Metadata.Spec;
        SystemFingerprint = first.SystemFingerprint;
        BasisSize = first.BasisSize;
        ElectronCount = first.ElectronCount;
    }

    /// <summary>The trajectories, in manifest order (folder by folder).</summary>
    public IReadOnlyList<Trajectory> Trajectories { get; }

    /// <summary>The shared system fingerprint.</summary>
    public string SystemFingerprint { get; }

    /// <summary>The shared basis size N.</summary>
    public int BasisSize { get; }

    /// <summary>The shared electron count N_e.</summary>
    public int ElectronCount { get; }

    /// <summary>Loads the trajectories of one dataset folder listed in its manifest.</summary>
    /// <param name="datasetFolder">A folder with <c>manifest.json</c>.</param>
    /// <param name="role">Only trajectories with this role (e.g. <c>train</c>), or all when null.</param>
    /// <param name="includeIncomplete">Also load trajectories that stopped early.</param>
    /// <exception cref="TdhfInputException">Nothing matches, a file is missing or bad, or the trajectories mix systems.</exception>
    public static Dataset Load(string datasetFolder, string? role = null, bool includeIncomplete = false) =>
        Load(new[] { datasetFolder }, role, includeIncomplete);

    /// <summary>Loads the trajectories of several dataset folders listed in their manifests.</summary>
    /// <param name="datasetFolders">Folders with <c>manifest.json</c>.</param>
    /// <param name="role">Only trajectories with this role, or all when null.</param>
    /// <param name="includeIncomplete">Also load trajectories that stopped early.</param>
    /// <exception cref="TdhfInputException">Nothing matches, a file is missing or bad, or the trajectories mix systems.</exception>
    public static Dataset Load(IEnumerable<string> datasetFolders, string? role = null, bool includeIncomplete = false)
    {
        var folders = new List<string>();
        var available = new SortedSet<string>(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var path in datasetFolders)
        {
            var dataset = DatasetFolder.Open(path);
            names.Add(dataset.Path);
            foreach (var entry in dataset.Manifest.Trajectories)
            {
                available.Add(entry.Role);
                if ((role is null || entry.Role == role) && (includeIncomplete || entry.Completed))
                    folders.Add(Path.Combine(dataset.Path, entry.Path));
            }
        }
        if (folders.Count == 0)
        {
            var what = role is null ? "trajectories" : $"trajectories with role '{role}'";
            throw new TdhfInputException($"no {(includeIncomplete ? "" : "completed ")}{what} (roles present: {string.Join(", ", available)})",
                string.Join(", ", names), key: "role");
        }
        return FromTrajectoryFolders(folders);
    }

    /// <summary>Loads trajectory folders directly (no manifest needed).</summary>
    /// <param name="trajectoryFolders">Folders holding <c>metadata.json</c> and the arrays.</param>
    /// <exception cref="TdhfInputException">No folder given, a file is missing or bad, or the trajectories mix systems.</exception>
    public static Dataset FromTrajectoryFolders(IEnumerable<string> trajectoryFolders)
    {
        var loaded = new List<Trajectory>();
        try
        {
            foreach (var folder in trajectoryFolders)
            {
                var trajectory = TrajectoryReader.Read(folder);
                loaded.Add(trajectory);
                CheckSameSystem(loaded[0], trajectory);
            }
            if (loaded.Count == 0) throw new TdhfInputException("no trajectory folders given", key: "trajectories");
            return new Dataset(loaded);
        }
        catch
        {
            foreach (var trajectory in loaded) trajectory.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var trajectory in Trajectories) trajectory.Dispose();
    }

    private static void CheckSameSystem(Trajectory first, Trajectory other)
    {
        var (a, b) = (first.Metadata.Spec, other.Metadata.Spec);
        var path = Path.Combine(other.Folder, TrajectoryFiles.Metadata);
        var firstPath = Path.Combine(first.Folder, TrajectoryFiles.Metadata);
        if (a.SystemFingerprint != b.SystemFingerprint)
            throw new TdhfInputException($"system fingerprint '{b.SystemFingerprint}' differs from '{a.SystemFingerprint}' of {firstPath}; one dataset holds one system", path, key: "systemFingerprint");
        if (a.BasisSize != b.BasisSize)
            throw new TdhfInputException($"basis size {b.BasisSize} differs from {a.BasisSize} of {firstPath}", path, key: "basisSize");
        if (a.ElectronCount != b.ElectronCount)
            throw new TdhfInputException($"electron count {b.ElectronCount} differs from {a.ElectronCount} of {firstPath}", path, key: "electronCount");
    }
}
