using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace TorchTdhf.Chemistry;

/// <summary>
/// A deterministic identity for a set of AO integrals, for dataset metadata: SHA-256, lower-case hex, of the
/// little-endian bytes of N (int64), S, T, V, the x, y, z position matrices, the ERIs (each row-major float64),
/// E_nuc (float64) and the electron count (int64), in that order.
/// </summary>
public static class IntegralFingerprint
{
    /// <summary>The fingerprint of <paramref name="integrals"/> (64 hex digits).</summary>
    public static string Compute(AoIntegrals integrals)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendInt64(hash, integrals.FunctionCount);
        AppendDoubles(hash, integrals.Overlap);
        AppendDoubles(hash, integrals.Kinetic);
        AppendDoubles(hash, integrals.Potential);
        foreach (var p in integrals.Position) AppendDoubles(hash, p);
        AppendDoubles(hash, integrals.Eri);
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(buffer, integrals.NuclearRepulsion);
        hash.AppendData(buffer);
        AppendInt64(hash, integrals.ElectronCount);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        hash.AppendData(buffer);
    }

    private static void AppendDoubles(IncrementalHash hash, Array values)
    {
        var bytes = MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetArrayDataReference(values), values.Length * sizeof(double));
        if (BitConverter.IsLittleEndian)
        {
            hash.AppendData(bytes);
            return;
        }
        Span<byte> buffer = stackalloc byte[8];
        for (var k = 0; k < values.Length; k++)
        {
            bytes.Slice(8 * k, 8).CopyTo(buffer);
            buffer.Reverse();
            hash.AppendData(buffer);
        }
    }
}
