namespace TorchTdhf.Training.Checkpoints;

/// <summary>
/// The checkpoints of one training run, in <c>RUN/latest/</c> and <c>RUN/previous/</c>. A save writes a complete
/// new checkpoint into a hidden folder beside them, flushes it to disk, then rotates by renames
/// (previous → retired, latest → previous, new → latest), so at every instant at least one complete checkpoint
/// exists. Loading verifies every file's SHA-256 and falls back to <c>previous/</c> when <c>latest/</c> is damaged,
/// reporting what was skipped. One writer per run folder.
/// </summary>
public sealed class CheckpointStore
{
    private readonly CheckpointWriter _writer;

    // Set when a load skipped a damaged latest checkpoint: the next save must retire that one rather than keep
    // it as previous and throw away the good older one.
    private bool _latestIsDamaged;

    /// <summary>A store for the run in <paramref name="runFolder"/> (created on the first save).</summary>
    public CheckpointStore(string runFolder) : this(runFolder, CheckpointWriter.CreateFile)
    {
    }

    /// <summary>A store whose files are opened through <paramref name="createFile"/> (fault injection in tests).</summary>
    internal CheckpointStore(string runFolder, Func<string, Stream> createFile)
    {
        RunFolder = Path.GetFullPath(runFolder);
        _writer = new CheckpointWriter(createFile);
    }

    /// <summary>The run's folder.</summary>
    public string RunFolder { get; }

    /// <summary>The newest checkpoint's folder.</summary>
    public string LatestFolder => Path.Combine(RunFolder, CheckpointLayout.Latest);

    /// <summary>The older checkpoint's folder.</summary>
    public string PreviousFolder => Path.Combine(RunFolder, CheckpointLayout.Previous);

    /// <summary>Writes a new latest checkpoint; the former latest becomes previous.</summary>
    /// <exception cref="TdhfInputException">Writing failed (e.g. the disk is full); the existing checkpoints are untouched and the partial one removed.</exception>
    /// <exception cref="ArgumentException">The optimizer's state cannot be serialized.</exception>
    public void Save(CheckpointContent content)
    {
        Directory.CreateDirectory(RunFolder);
        RemoveLeftovers();
        var saving = Path.Combine(RunFolder, CheckpointLayout.SavingPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            _writer.Write(saving, content, DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDeleteFolder(saving);
            throw new TdhfInputException($"could not write a checkpoint ({e.Message}); {WhatIsKept()}", RunFolder, inner: e);
        }
        catch
        {
            TryDeleteFolder(saving);
            throw;
        }
        Rotate(saving);
    }

    /// <summary>The newest loadable checkpoint, or null when the run has none yet.</summary>
    /// <exception cref="TdhfInputException">Checkpoints exist but none is loadable; names the damaged file.</exception>
    public LoadedCheckpoint? TryLoadLatest()
    {
        var failures = new List<TdhfInputException>();
        var warnings = new List<string>();
        if (!Directory.Exists(LatestFolder) && Directory.Exists(PreviousFolder))
            warnings.Add($"{LatestFolder} is missing (a save was interrupted); resuming from {PreviousFolder}");
        foreach (var folder in new[] { LatestFolder, PreviousFolder })
        {
            if (!Directory.Exists(folder)) continue;
            try
            {
                var checkpoint = CheckpointReader.Read(folder);
                _latestIsDamaged = failures.Count > 0;
                warnings.AddRange(failures.Select(f => $"skipped a damaged checkpoint: {f.Message}; resuming from {folder} (iteration {checkpoint.Progress.Iteration})"));
                checkpoint.Warnings = warnings;
                return checkpoint;
            }
            catch (TdhfInputException e)
            {
                failures.Add(e);
            }
        }
        if (failures.Count == 0) return null;
        var first = failures[0];
        var rest = string.Concat(failures.Skip(1).Select(f => $"; the older checkpoint is unusable too: {f.Message}"));
        throw new TdhfInputException($"{first.Problem}{rest}", first.File, first.Line, first.Key, first);
    }

    /// <summary>The newest loadable checkpoint.</summary>
    /// <exception cref="TdhfInputException">There is none; names the damaged file when checkpoints exist.</exception>
    public LoadedCheckpoint LoadLatest() =>
        TryLoadLatest() ?? throw new TdhfInputException("no checkpoint to resume from (neither latest/ nor previous/ exists)", RunFolder);

    private void Rotate(string saving)
    {
        string? retired = null;
        var keepLatest = Directory.Exists(LatestFolder) && !_latestIsDamaged;
        if (Directory.Exists(LatestFolder))
        {
            // Retire whichever of the two must go: normally previous; a known-damaged latest otherwise.
            var outgoing = keepLatest ? PreviousFolder : LatestFolder;
            if (Directory.Exists(outgoing))
            {
                retired = Path.Combine(RunFolder, CheckpointLayout.RetiredPrefix + Guid.NewGuid().ToString("N"));
                Directory.Move(outgoing, retired);
            }
            if (keepLatest) Directory.Move(LatestFolder, PreviousFolder);
        }
        Directory.Move(saving, LatestFolder);
        DirectorySync.Flush(RunFolder);
        _latestIsDamaged = false;
        if (retired is not null) TryDeleteFolder(retired);
    }

    private string WhatIsKept()
    {
        var kept = new[] { LatestFolder, PreviousFolder }.Where(Directory.Exists).ToList();
        return kept.Count == 0 ? "no earlier checkpoint exists" : $"the earlier checkpoints are intact ({string.Join(", ", kept)})";
    }

    private void RemoveLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(RunFolder))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith(CheckpointLayout.SavingPrefix, StringComparison.Ordinal)
                || name.StartsWith(CheckpointLayout.RetiredPrefix, StringComparison.Ordinal))
                TryDeleteFolder(folder);
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover is removed by the next save; the error that brought us here matters more.
        }
    }
}
