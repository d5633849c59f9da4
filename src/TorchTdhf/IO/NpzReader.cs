using System.IO.Compression;

namespace TorchTdhf.IO;

/// <summary>
/// Reads arrays by key from a NumPy <c>.npz</c> archive (a zip of <c>KEY.npy</c> members, stored or deflated),
/// as written by <c>numpy.savez</c> and <c>numpy.savez_compressed</c>.
/// </summary>
public sealed class NpzReader : IDisposable
{
    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;

    private NpzReader(string path, ZipArchive archive)
    {
        Path = path;
        _archive = archive;
        _entries = archive.Entries
            .Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal))
            .ToDictionary(e => e.FullName[..^4], StringComparer.Ordinal);
    }

    /// <summary>The archive's path.</summary>
    public string Path { get; }

    /// <summary>The keys (member names without <c>.npy</c>).</summary>
    public IReadOnlyCollection<string> Keys => _entries.Keys;

    /// <summary>Opens an archive.</summary>
    /// <exception cref="TdhfInputException">The file is missing or not a zip archive.</exception>
    public static NpzReader Open(string path)
    {
        if (!File.Exists(path)) throw new TdhfInputException("file not found", path);
        var stream = File.OpenRead(path);
        try
        {
            return new NpzReader(path, new ZipArchive(stream, ZipArchiveMode.Read));
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            throw new TdhfInputException($"not a NumPy .npz archive ({e.Message})", path, inner: e);
        }
    }

    /// <summary>True when the archive holds <paramref name="key"/>.</summary>
    public bool Contains(string key) => _entries.ContainsKey(key);

    /// <summary>Reads the array stored under <paramref name="key"/>.</summary>
    /// <exception cref="TdhfInputException">The key is missing or its data is malformed.</exception>
    public NpyArray Get(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
            throw new TdhfInputException($"missing key '{key}' (the archive holds: {string.Join(", ", _entries.Keys.Order())})", Path, key: key);
        try
        {
            using var stream = entry.Open();
            return Npy.Read(stream, Path, key);
        }
        catch (InvalidDataException e)
        {
            throw new TdhfInputException($"corrupt archive member ({e.Message})", Path, key: key, inner: e);
        }
    }

    /// <summary>Reads <paramref name="key"/> when present, else returns null.</summary>
    public NpyArray? TryGet(string key) => Contains(key) ? Get(key) : null;

    /// <inheritdoc />
    public void Dispose() => _archive.Dispose();
}
