using System.Security.Cryptography;
using System.Text;

namespace TorchTdhf.Study;

/// <summary>SHA-256 digests (lower-case hex) that key the study's cached results.</summary>
public static class Digests
{
    /// <summary>The digest of the files' contents, in the order given.</summary>
    public static string OfFiles(IEnumerable<string> paths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths) hash.AppendData(File.ReadAllBytes(path));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The digest of a text (UTF-8).</summary>
    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
