using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TorchTdhf.IO;

/// <summary>
/// NumPy's <c>.npy</c> format (versions 1.0–3.0): a magic string, a Python-dict header with
/// <c>descr</c>, <c>fortran_order</c> and <c>shape</c>, then the raw elements. Fortran-ordered input is
/// returned in C order; output is always C order, little-endian, header padded to 64 bytes.
/// </summary>
public static partial class Npy
{
    private static readonly byte[] Magic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    /// <summary>Reads an array from an .npy file.</summary>
    /// <exception cref="TdhfInputException">The file is missing, truncated or not a supported npy array.</exception>
    public static NpyArray Read(string path)
    {
        if (!File.Exists(path)) throw new TdhfInputException("file not found", path);
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads an array from a stream positioned at the start of an npy record.</summary>
    /// <param name="stream">The stream; it need not be seekable.</param>
    /// <param name="source">Name of the file (and key) for error messages.</param>
    /// <param name="key">Key within an archive, for error messages.</param>
    public static NpyArray Read(Stream stream, string source, string? key = null)
    {
        var prefix = ReadExactly(stream, 8, source, key, "magic string");
        if (!prefix.AsSpan(0, 6).SequenceEqual(Magic)) throw new TdhfInputException("not a NumPy .npy array (bad magic string)", source, key: key);
        int major = prefix[6];
        int headerLength = major switch
        {
            1 => BinaryPrimitives.ReadUInt16LittleEndian(ReadExactly(stream, 2, source, key, "header length")),
            2 or 3 => checked((int)BinaryPrimitives.ReadUInt32LittleEndian(ReadExactly(stream, 4, source, key, "header length"))),
            _ => throw new TdhfInputException($"unsupported npy format version {major}.{prefix[7]}", source, key: key),
        };
        var headerEncoding = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        var header = headerEncoding.GetString(ReadExactly(stream, headerLength, source, key, "header"));
        var (type, fortranOrder, shape) = ParseHeader(header, source, key);

        var count = shape.Aggregate(1L, (a, b) => checked(a * b));
        var byteCount = checked(count * type.ItemSize());
        if (byteCount > Array.MaxLength) throw new TdhfInputException($"array of {byteCount} bytes is too large to load", source, key: key);
        var bytes = ReadExactly(stream, (int)byteCount, source, key, $"data ({count} elements of {type.Descr()})");
        var array = NpyArray.FromBytes(bytes, type, shape);
        return fortranOrder && shape.Length > 1 ? ToCOrder(array) : array;
    }

    /// <summary>Writes an array to an .npy file atomically (temporary file, then rename).</summary>
    public static void Write(string path, NpyArray array) => AtomicFile.Write(path, stream => Write(stream, array));

    /// <summary>Writes an npy record for <paramref name="array"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, NpyArray array)
    {
        var shape = array.Shape.Length switch
        {
            0 => "()",
            1 => $"({array.Shape[0]},)",
            _ => "(" + string.Join(", ", array.Shape) + ")",
        };
        var dict = $"{{'descr': '{array.DType.Descr()}', 'fortran_order': False, 'shape': {shape}, }}";
        var useV2 = dict.Length + 12 > ushort.MaxValue;
        var preamble = useV2 ? 12 : 10;
        var padded = (preamble + dict.Length + 1 + 63) / 64 * 64;
        var header = dict + new string(' ', padded - preamble - dict.Length - 1) + "\n";

        stream.Write(Magic);
        stream.WriteByte(useV2 ? (byte)2 : (byte)1);
        stream.WriteByte(0);
        Span<byte> length = stackalloc byte[4];
        if (useV2)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)header.Length);
            stream.Write(length);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
            stream.Write(length[..2]);
        }
        stream.Write(Encoding.Latin1.GetBytes(header));
        stream.Write(array.AsBytes());
    }

    private static (NpyDType Type, bool FortranOrder, long[] Shape) ParseHeader(string header, string source, string? key)
    {
        var descr = DescrPattern().Match(header);
        var order = FortranPattern().Match(header);
        var shape = ShapePattern().Match(header);
        if (!descr.Success || !order.Success || !shape.Success)
            throw new TdhfInputException($"malformed npy header: {header.Trim()}", source, key: key);
        var type = NpyDTypes.FromDescr(descr.Groups[1].Value)
            ?? throw new TdhfInputException($"unsupported element type '{descr.Groups[1].Value}' (supported: little-endian f8, c16, f4, i8, i4, u1, b1)", source, key: key);
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.TryParse(d.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new TdhfInputException($"malformed shape in npy header: ({shape.Groups[1].Value})", source, key: key))
            .ToArray();
        return (type, order.Groups[1].Value == "True", dims);
    }

    /// <summary>Reorders a Fortran-ordered array (first index fastest) into C order.</summary>
    private static NpyArray ToCOrder(NpyArray fortran)
    {
        using var scope = TorchSharp.torch.NewDisposeScope();
        var reversed = fortran.Shape.Reverse().ToArray();
        var asC = NpyArray.FromBytes(fortran.AsBytes(), fortran.DType, reversed).ToTensor();
        var permuted = asC.permute(Enumerable.Range(0, reversed.Length).Reverse().Select(i => (long)i).ToArray());
        return NpyArray.FromTensor(permuted);
    }

    private static byte[] ReadExactly(Stream stream, int count, string source, string? key, string what)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = stream.Read(buffer, read, count - read);
            if (n == 0) throw new TdhfInputException($"truncated npy data: expected {count} bytes of {what}, found {read}", source, key: key);
            read += n;
        }
        return buffer;
    }

    [GeneratedRegex(@"['""]descr['""]\s*:\s*['""]([^'""]+)['""]")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"['""]fortran_order['""]\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"['""]shape['""]\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
