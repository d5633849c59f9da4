using System.IO.Compression;
using System.Text.Json;
using TorchSharp.PyBridge;
using TorchTdhf.IO;

namespace TorchTdhf.Training.Checkpoints;

/// <summary>
/// Writes one checkpoint's files into an empty folder, each flushed to disk, <c>state.json</c> (with the digests of
/// the others) last. Files are opened through a factory (normally <see cref="CreateFile"/>) so tests can make writing fail.
/// </summary>
internal sealed class CheckpointWriter
{
    private readonly Func<string, Stream> _createFile;

    /// <param name="createFile">Opens a new file for writing (the seam for fault injection).</param>
    public CheckpointWriter(Func<string, Stream> createFile) => _createFile = createFile;

    /// <summary>Creates a new file that must not exist yet.</summary>
    public static Stream CreateFile(string path) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);

    /// <summary>Writes <paramref name="content"/> into <paramref name="folder"/> (created, must be new).</summary>
    public void Write(string folder, CheckpointContent content, DateTimeOffset savedAt)
    {
        Directory.CreateDirectory(folder);
        var solver = content.Solver ?? SolverState.Empty;
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);

        WriteFile(folder, CheckpointLayout.Model, digests, stream => content.Model.save_py(stream, leaveOpen: true));
        if (content.Optimizer is not null)
        {
            var optimizer = OptimizerStateFile.Saveable(content.Optimizer);
            WriteFile(folder, CheckpointLayout.Optimizer, digests, stream => OptimizerStateFile.Write(stream, optimizer));
        }
        if (solver.Tensors.Count > 0)
            WriteFile(folder, CheckpointLayout.Solver, digests, stream => WriteSolverTensors(stream, solver));

        var state = new CheckpointState
        {
            FormatVersion = CheckpointState.CurrentFormatVersion,
            ProgramVersion = Datasets.TrajectoryMetadata.CurrentProgramVersion,
            SavedAt = savedAt,
            Progress = content.Progress,
            SolverReals = solver.Reals,
            SolverIntegers = solver.Integers,
            Files = digests,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(state, CheckpointJson.Options);
        WriteBytes(folder, CheckpointLayout.State, json);
        var line = $"{FileDigest.Of(json)}  {CheckpointLayout.State}\n";
        WriteBytes(folder, CheckpointLayout.StateDigest, System.Text.Encoding.ASCII.GetBytes(line));
        DirectorySync.Flush(folder);
    }

    private void WriteFile(string folder, string name, Dictionary<string, string> digests, Action<Stream> write)
    {
        var path = Path.Combine(folder, name);
        using (var stream = _createFile(path))
        {
            write(stream);
            FlushToDisk(stream);
        }
        // Digests come from what reached the file, not from what was meant to be written.
        digests[name] = FileDigest.Of(path);
    }

    private void WriteBytes(string folder, string name, byte[] bytes)
    {
        using var stream = _createFile(Path.Combine(folder, name));
        stream.Write(bytes);
        FlushToDisk(stream);
    }

    private static void FlushToDisk(Stream stream)
    {
        if (stream is FileStream file) file.Flush(flushToDisk: true);
        else stream.Flush();
    }

    private static void WriteSolverTensors(Stream stream, SolverState solver)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, tensor) in solver.Tensors.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // Stored, not deflated: solver vectors are incompressible doubles and checkpoints are written often.
            var entry = zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression);
            using var member = entry.Open();
            Npy.Write(member, NpyArray.FromTensor(tensor));
        }
    }
}
