using System.Security.Cryptography;

namespace TorchTdhf.Training.Checkpoints;

/// <summary>SHA-256 digests as lower-case hexadecimal, the form <c>sha256sum</c> prints.</summary>
internal static class FileDigest
{
    /// <summary>The digest of a file's bytes.</summary>
    public static string Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The digest of bytes in memory.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
