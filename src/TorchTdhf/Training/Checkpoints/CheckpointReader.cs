using System.IO.Compression;
using System.Text.Json;
using TorchTdhf.IO;
using static TorchSharp.torch;

namespace TorchTdhf.Training.Checkpoints;

/// <summary>
/// Reads one checkpoint folder and verifies it completely before anything is used: the digest of
/// <c>state.json</c>, then the digest of every file it lists. Each problem is a <see cref="TdhfInputException"/>
/// naming the file at fault.
/// </summary>
internal static class CheckpointReader
{
    /// <summary>Reads and verifies the checkpoint in <paramref name="folder"/>.</summary>
    /// <exception cref="TdhfInputException">A file is missing, truncated, corrupt or of a newer format.</exception>
    public static LoadedCheckpoint Read(string folder)
    {
        var state = ReadState(folder);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, digest) in state.Files.OrderBy(p => p.Key, StringComparer.Ordinal))
            files[name] = ReadVerified(Path.Combine(folder, name), digest);

        if (!files.TryGetValue(CheckpointLayout.Model, out var model))
            throw new TdhfInputException($"state.json lists no {CheckpointLayout.Model}", Path.Combine(folder, CheckpointLayout.State));
        files.TryGetValue(CheckpointLayout.Optimizer, out var optimizer);
        var tensors = files.TryGetValue(CheckpointLayout.Solver, out var solver)
            ? ReadSolverTensors(solver, Path.Combine(folder, CheckpointLayout.Solver))
            : new Dictionary<string, Tensor>();
        return new LoadedCheckpoint(folder, state, new SolverState(tensors, state.SolverReals, state.SolverIntegers), model, optimizer);
    }

    private static CheckpointState ReadState(string folder)
    {
        var statePath = Path.Combine(folder, CheckpointLayout.State);
        var digestPath = Path.Combine(folder, CheckpointLayout.StateDigest);
        if (!File.Exists(digestPath)) throw new TdhfInputException("missing (the checkpoint is incomplete)", digestPath);
        var expected = File.ReadAllText(digestPath).Split(' ', 2)[0].Trim();
        if (expected.Length != 64 || !expected.All(char.IsAsciiHexDigit))
            throw new TdhfInputException("corrupt: not a SHA-256 line as sha256sum writes it", digestPath);
        var json = ReadVerified(statePath, expected);
        CheckpointState state;
        try
        {
            state = JsonSerializer.Deserialize<CheckpointState>(json, CheckpointJson.Options)
                ?? throw new TdhfInputException("empty (null)", statePath);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new TdhfInputException($"malformed checkpoint state: {e.Message}", statePath, inner: e);
        }
        if (state.FormatVersion > CheckpointState.CurrentFormatVersion)
            throw new TdhfInputException(
                $"written in checkpoint format {state.FormatVersion} by version {state.ProgramVersion}; this program reads format {CheckpointState.CurrentFormatVersion}",
                statePath, key: "formatVersion");
        return state;
    }

    private static byte[] ReadVerified(string path, string expectedDigest)
    {
        if (!File.Exists(path)) throw new TdhfInputException("missing (the checkpoint is incomplete)", path);
        var bytes = File.ReadAllBytes(path);
        var actual = FileDigest.Of(bytes);
        if (!string.Equals(actual, expectedDigest, StringComparison.OrdinalIgnoreCase))
            throw new TdhfInputException(
                $"corrupt or truncated: SHA-256 is {actual[..12]}…, the checkpoint recorded {Abbreviate(expectedDigest)} ({bytes.Length} bytes on disk)",
                path);
        return bytes;
    }

    private static string Abbreviate(string digest) => digest.Length > 12 ? digest[..12] + "…" : digest;

    private static Dictionary<string, Tensor> ReadSolverTensors(byte[] bytes, string path)
    {
        using var scope = NewDisposeScope();
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal)))
            {
                var name = entry.FullName[..^4];
                using var member = entry.Open();
                tensors[name] = Npy.Read(member, path, name).ToTensor();
            }
        }
        catch (InvalidDataException e)
        {
            throw new TdhfInputException($"not a NumPy .npz archive ({e.Message})", path, inner: e);
        }
        foreach (var tensor in tensors.Values) tensor.MoveToOuterDisposeScope();
        return tensors;
    }
}
