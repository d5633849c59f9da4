using System.Globalization;
using System.Text.Json;
using TorchSharp;
using TorchTdhf.IO;
using static TorchSharp.torch;

namespace TorchTdhf.Datasets;

/// <summary>
/// Writes a batch of B trajectories while they are propagated. The propagator hands over every fine-grid density,
/// step 0 (the initial density) to step <see cref="TrajectorySpec.Steps"/>, as one [B, N, N] batch per step; every
/// <see cref="TrajectorySpec.Stride"/>-th one is stored together with Ṗ from fourth-order differences over the five
/// fine steps around it (<see cref="FourthOrderDifference"/>; one-sided at the first two and last two fine steps, so
/// samples at t = 0 and at the end are kept). Only a rolling window of five fine steps is held; samples stream to
/// disk, so trajectory length is bounded by disk, not memory.
/// </summary>
/// <remarks>
/// Nothing in a trajectory folder looks complete before <see cref="Complete"/>: arrays grow in hidden temporary
/// files, renamed into place at the end, then <c>metadata.json</c> and the manifest are written. Disposing the writer
/// without completing (an exception in the propagation) deletes the temporary files and leaves the manifest as it
/// was. A blow-up (<see cref="TrajectoryWriterOptions.NormBoundFactor"/>) finishes every member with the samples
/// written so far, marked incomplete, and throws <see cref="TrajectoryBlowUpException"/>.
/// </remarks>
public sealed class TrajectoryWriter : IDisposable
{
    private readonly DatasetFolder _folder;
    private readonly TrajectoryMember[] _members;
    private readonly TrajectorySpec _grid;
    private readonly double _normBound;
    private readonly NpyAppendWriter[] _densities;
    private readonly NpyAppendWriter[] _derivatives;
    private readonly Tensor?[] _window = new Tensor?[5];
    private readonly Queue<double[]> _pendingFields = new();
    private readonly List<double> _times = new();
    private readonly List<double>[] _fields;
    private bool _closed;

    internal TrajectoryWriter(DatasetFolder folder, IReadOnlyList<TrajectoryMember> members, TrajectoryWriterOptions options)
    {
        options.Validate();
        if (members.Count == 0) throw new TdhfInputException("no trajectories to write", key: "members");
        foreach (var member in members) member.Validate();
        var duplicate = members.GroupBy(m => m.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new TdhfInputException($"trajectory id '{duplicate.Key}' appears twice in the batch", key: "id");
        _grid = members[0].Spec;
        foreach (var member in members.Skip(1)) CheckSameGrid(member, members[0]);

        _folder = folder;
        _members = members.ToArray();
        _normBound = options.NormBoundFactor * Math.Sqrt(2.0 * _grid.ElectronCount);
        _fields = _members.Select(_ => new List<double>()).ToArray();
        _densities = new NpyAppendWriter[_members.Length];
        _derivatives = new NpyAppendWriter[_members.Length];
        try
        {
            for (var b = 0; b < _members.Length; b++)
            {
                var dir = folder.TrajectoryFolder(_members[b].Id);
                Directory.CreateDirectory(dir);
                var n = (long)_grid.BasisSize;
                _densities[b] = new NpyAppendWriter(Path.Combine(dir, TrajectoryFiles.Densities), NpyDType.Complex128, _grid.SampleCount, n, n);
                _derivatives[b] = new NpyAppendWriter(Path.Combine(dir, TrajectoryFiles.Derivatives), NpyDType.Complex128, _grid.SampleCount, n, n);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The batch members, in batch order.</summary>
    public IReadOnlyList<TrajectoryMember> Members => _members;

    /// <summary>Fine-grid densities appended so far (step 0 counts).</summary>
    public long StepsReceived { get; private set; }

    /// <summary>Samples written per member so far.</summary>
    public int SamplesWritten => _times.Count;

    /// <summary>Appends the densities of the next fine step, with one field value for the whole batch.</summary>
    /// <param name="densities">[B, N, N] (or [N, N] when B = 1) complex128, orthonormal basis, Tr = N_e; any device.
    /// Copied, so the caller may overwrite it afterwards.</param>
    /// <param name="field">Field amplitude E(t) at this step (a.u.).</param>
    /// <exception cref="TrajectoryBlowUpException">A density is non-finite or beyond the norm bound.</exception>
    public void Append(Tensor densities, double field) => Append(densities, Enumerable.Repeat(field, _members.Length).ToArray());

    /// <summary>Appends the densities of the next fine step, with a field value per member.</summary>
    /// <param name="densities">[B, N, N] (or [N, N] when B = 1) complex128, orthonormal basis, Tr = N_e; any device.
    /// Copied, so the caller may overwrite it afterwards.</param>
    /// <param name="fieldPerMember">B field amplitudes E(t) at this step (a.u.).</param>
    /// <exception cref="TrajectoryBlowUpException">A density is non-finite or beyond the norm bound.</exception>
    public void Append(Tensor densities, IReadOnlyList<double> fieldPerMember)
    {
        if (_closed) throw new InvalidOperationException("the writer is finished or disposed");
        if (StepsReceived > _grid.Steps) throw new InvalidOperationException($"all {_grid.Steps + 1} densities (steps 0..{_grid.Steps}) were already appended");
        if (fieldPerMember.Count != _members.Length) throw new ArgumentException($"expected {_members.Length} field values, got {fieldPerMember.Count}", nameof(fieldPerMember));
        if (fieldPerMember.Any(e => !double.IsFinite(e))) throw new ArgumentException("field values must be finite", nameof(fieldPerMember));
        long b = _members.Length, n = _grid.BasisSize;
        var shapeOk = densities.dim() == 3 ? densities.shape.SequenceEqual(new[] { b, n, n }) : b == 1 && densities.shape.SequenceEqual(new[] { n, n });
        if (!shapeOk) throw new ArgumentException($"expected [{b}, {n}, {n}] densities, got [{string.Join(", ", densities.shape)}]", nameof(densities));
        if (densities.dtype != ScalarType.ComplexFloat64) throw new ArgumentException($"expected complex128 densities, got {densities.dtype}", nameof(densities));

        var step = StepsReceived;
        using var scope = torch.NewDisposeScope();
        var batch = densities.detach().reshape(b, n, n);
        CheckBounded(batch, step);
        var slot = (int)(step % 5);
        _window[slot]?.Dispose();
        // resolve_conj: a lazily conjugated view would otherwise be written to disk unconjugated.
        _window[slot] = batch.resolve_conj().clone().DetachFromDisposeScope();
        if (step % _grid.Stride == 0) _pendingFields.Enqueue(fieldPerMember.ToArray());
        StepsReceived = step + 1;
        EmitReadySamples(step);
    }

    /// <summary>
    /// Finishes every member after all Steps + 1 densities were appended: moves the arrays into place, writes
    /// the metadata sidecars and records the trajectories in the manifest.
    /// </summary>
    /// <returns>The metadata written, in batch order.</returns>
    public IReadOnlyList<TrajectoryMetadata> Complete()
    {
        if (_closed) throw new InvalidOperationException("the writer is finished or disposed");
        if (StepsReceived != _grid.Steps + 1)
            throw new InvalidOperationException($"only {StepsReceived} of the {_grid.Steps + 1} densities (steps 0..{_grid.Steps}) were appended");
        return Finish(completed: true, stopReason: null);
    }

    /// <summary>Deletes the temporary files of an unfinished run and frees the rolling window.</summary>
    public void Dispose()
    {
        if (!_closed) RemoveUnfinishedFiles();
        _closed = true;
        for (var i = 0; i < _window.Length; i++)
        {
            _window[i]?.Dispose();
            _window[i] = null;
        }
    }

    private void RemoveUnfinishedFiles()
    {
        foreach (var writer in _densities.Concat(_derivatives)) writer?.Dispose();
        foreach (var member in _members)
        {
            var dir = _folder.TrajectoryFolder(member.Id);
            try
            {
                // Only a folder this run created and left empty goes; an earlier run's trajectory stays.
                if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
            }
            catch (IOException)
            {
                // An empty folder left behind is harmless; Dispose must not hide the error that led here.
            }
        }
    }

    private void EmitReadySamples(long step)
    {
        if (step < 4) return;
        if (step == 4)
        {
            for (var s = 0; s <= 2; s++) Emit(s, 0);
        }
        else
        {
            Emit(step - 2, step - 4);
        }
        if (step == _grid.Steps)
        {
            Emit(step - 1, step - 4);
            Emit(step, step - 4);
        }
    }

    private void Emit(long sample, long windowStart)
    {
        if (sample % _grid.Stride != 0) return;
        using var scope = torch.NewDisposeScope();
        var window = Enumerable.Range(0, 5).Select(i => _window[(windowStart + i) % 5]!).ToArray();
        var position = (int)(sample - windowStart);
        var derivative = FourthOrderDifference.AtWindowPosition(window, position, _grid.Dt);
        WriteRows(_densities, window[position]);
        WriteRows(_derivatives, derivative);
        _times.Add(sample * _grid.Dt);
        var fields = _pendingFields.Dequeue();
        for (var b = 0; b < _members.Length; b++) _fields[b].Add(fields[b]);
    }

    private static void WriteRows(NpyAppendWriter[] writers, Tensor batch)
    {
        using var cpu = batch.cpu().contiguous();
        var bytes = cpu.bytes;
        var rowBytes = (int)writers[0].RowBytes;
        for (var b = 0; b < writers.Length; b++) writers[b].Append(bytes.Slice(b * rowBytes, rowBytes));
    }

    private void CheckBounded(Tensor batch, long step)
    {
        var norms = torch.linalg.matrix_norm(batch).cpu().data<double>().ToArray();
        var bad = Array.FindIndex(norms, x => !(x <= _normBound));
        if (bad < 0) return;
        var time = step * _grid.Dt;
        var id = _members[bad].Id;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"density of trajectory '{id}' blew up at step {step} (t = {time:G6} a.u.): Frobenius norm {norms[bad]:G4} " +
            $"(bound {_normBound:G4}, {(double.IsFinite(norms[bad]) ? "exceeded" : "non-finite entries")})");
        var kept = SamplesWritten;
        Finish(completed: false, stopReason: reason);
        throw new TrajectoryBlowUpException($"{reason}; the {kept} samples before it are kept and marked incomplete",
            _folder.TrajectoryFolder(id), id, step, time);
    }

    private IReadOnlyList<TrajectoryMetadata> Finish(bool completed, string? stopReason)
    {
        var written = new List<TrajectoryMetadata>();
        try
        {
            var times = _times.ToArray();
            for (var b = 0; b < _members.Length; b++)
            {
                var member = _members[b];
                var dir = _folder.TrajectoryFolder(member.Id);
                // A crash between the renames below must not leave an old "complete" entry or sidecar describing new arrays.
                _folder.Forget(member.Id);
                File.Delete(Path.Combine(dir, TrajectoryFiles.Metadata));
                _densities[b].Finish();
                _derivatives[b].Finish();
                Npy.Write(Path.Combine(dir, TrajectoryFiles.Times), NpyArray.Of(times, times.Length));
                Npy.Write(Path.Combine(dir, TrajectoryFiles.Field), NpyArray.Of(_fields[b].ToArray(), times.Length));
                var metadata = new TrajectoryMetadata
                {
                    Id = member.Id,
                    Role = member.Role,
                    Spec = member.Spec,
                    SpecHash = member.Spec.Hash(),
                    ProgramVersion = TrajectoryMetadata.CurrentProgramVersion,
                    Completed = completed,
                    SampleCount = times.Length,
                    StopReason = stopReason,
                };
                AtomicFile.WriteAllText(Path.Combine(dir, TrajectoryFiles.Metadata), JsonSerializer.Serialize(metadata, DatasetJson.Indented) + "\n");
                _folder.Record(metadata);
                written.Add(metadata);
            }
        }
        finally
        {
            Dispose();
        }
        return written;
    }

    private static void CheckSameGrid(TrajectoryMember member, TrajectoryMember first)
    {
        var (s, g) = (member.Spec, first.Spec);
        Require(s.Dt == g.Dt, "dt", "time step");
        Require(s.Steps == g.Steps, "steps", "number of steps");
        Require(s.Stride == g.Stride, "stride", "stride");
        Require(s.BasisSize == g.BasisSize, "basisSize", "basis size");
        Require(s.ElectronCount == g.ElectronCount, "electronCount", "electron count");

        void Require(bool same, string key, string what)
        {
            // One batch is one propagation: its members must share the time grid and the system's dimensions.
            if (!same) throw new TdhfInputException($"trajectory '{member.Id}' has a different {what} from '{first.Id}'; a batch shares them", key: key);
        }
    }
}
