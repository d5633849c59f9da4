using System.IO.Compression;

namespace TorchTdhf.IO;

/// <summary>Writes NumPy <c>.npz</c> archives that <c>numpy.load</c> opens.</summary>
public static class Npz
{
    /// <summary>Writes the arrays as <c>KEY.npy</c> members of a zip archive, atomically.</summary>
    /// <param name="path">Target file.</param>
    /// <param name="arrays">Key and array pairs, in the order they should appear.</param>
    /// <param name="compress">Deflate the members (as <c>numpy.savez_compressed</c>) or store them (as <c>numpy.savez</c>).</param>
    public static void Write(string path, IEnumerable<KeyValuePair<string, NpyArray>> arrays, bool compress = true)
    {
        var list = arrays.ToList();
        var duplicate = list.GroupBy(p => p.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"key '{duplicate.Key}' appears twice", nameof(arrays));
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (key, array) in list)
            {
                var entry = zip.CreateEntry(key + ".npy", compress ? CompressionLevel.Fastest : CompressionLevel.NoCompression);
                using var member = entry.Open();
                Npy.Write(member, array);
            }
        });
    }
}
