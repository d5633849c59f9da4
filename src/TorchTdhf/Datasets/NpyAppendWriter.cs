using System.Buffers.Binary;
using System.Text;
using TorchTdhf.IO;

namespace TorchTdhf.Datasets;

/// <summary>
/// Streams rows of an array into an .npy file without holding it in memory. The header, written first, states
/// the expected number of rows and is padded so that a header with fewer rows fits in the same bytes: a run that
/// stops early rewrites it with the rows actually written. Data go to a hidden temporary file beside the target;
/// <see cref="Finish"/> flushes it to disk and renames it into place, so the target never exists half-written.
/// Disposing without <see cref="Finish"/> deletes the temporary file.
/// </summary>
public sealed class NpyAppendWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly NpyDType _type;
    private readonly long[] _rowShape;
    private readonly int _headerLength;
    private bool _finished;

    /// <summary>Starts a file for an array of shape [<paramref name="expectedRows"/>, ..<paramref name="rowShape"/>].</summary>
    /// <param name="path">The final file; its folder must exist.</param>
    /// <param name="type">Element type.</param>
    /// <param name="expectedRows">Rows the complete array will have (first dimension).</param>
    /// <param name="rowShape">Shape of one row, e.g. [N, N].</param>
    public NpyAppendWriter(string path, NpyDType type, long expectedRows, params long[] rowShape)
    {
        if (expectedRows < 0) throw new ArgumentOutOfRangeException(nameof(expectedRows), expectedRows, "must not be negative");
        Path = System.IO.Path.GetFullPath(path);
        _type = type;
        _rowShape = rowShape;
        ExpectedRows = expectedRows;
        RowBytes = rowShape.Aggregate((long)type.ItemSize(), (a, b) => checked(a * b));
        var header = Header(type, Shape(expectedRows));
        _headerLength = header.Length;
        TemporaryPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(TemporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        _stream.Write(header);
    }

    /// <summary>The final file.</summary>
    public string Path { get; }

    /// <summary>Where the data are written until <see cref="Finish"/>.</summary>
    public string TemporaryPath { get; }

    /// <summary>Rows announced in the first header.</summary>
    public long ExpectedRows { get; }

    /// <summary>Bytes per row.</summary>
    public long RowBytes { get; }

    /// <summary>Rows appended so far.</summary>
    public long RowsWritten { get; private set; }

    /// <summary>Appends whole rows, given as little-endian elements in C order.</summary>
    public void Append(ReadOnlySpan<byte> rows)
    {
        if (_finished) throw new InvalidOperationException($"{Path} is already finished");
        if (rows.Length % RowBytes != 0) throw new ArgumentException($"{rows.Length} bytes is not a whole number of {RowBytes}-byte rows", nameof(rows));
        var count = rows.Length / RowBytes;
        if (RowsWritten + count > ExpectedRows) throw new InvalidOperationException($"{Path}: more than the {ExpectedRows} announced rows");
        _stream.Write(rows);
        RowsWritten += count;
    }

    /// <summary>Fixes the header to the rows written, flushes to disk and moves the file into place (replacing any old one).</summary>
    public void Finish()
    {
        if (_finished) return;
        if (RowsWritten != ExpectedRows)
        {
            _stream.Seek(0, SeekOrigin.Begin);
            _stream.Write(Header(_type, Shape(RowsWritten), _headerLength));
        }
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(TemporaryPath, Path, overwrite: true);
        _finished = true;
    }

    /// <summary>Deletes the temporary file unless <see cref="Finish"/> ran.</summary>
    public void Dispose()
    {
        if (_finished) return;
        _stream.Dispose();
        try
        {
            File.Delete(TemporaryPath);
        }
        catch (IOException)
        {
            // A leftover hidden .tmp file is harmless; the error that led here matters more.
        }
        _finished = true;
    }

    /// <summary>
    /// The npy version 1.0 preamble and header NumPy writes for an array (magic, version, header length, the
    /// <c>descr</c>/<c>fortran_order</c>/<c>shape</c> dict, spaces and a newline), padded so the data start at
    /// a multiple of 64 bytes, or padded to exactly <paramref name="totalLength"/> bytes when given.
    /// </summary>
    public static byte[] Header(NpyDType type, long[] shape, int? totalLength = null)
    {
        var dims = shape.Length switch
        {
            0 => "()",
            1 => $"({shape[0]},)",
            _ => "(" + string.Join(", ", shape) + ")",
        };
        var dict = $"{{'descr': '{type.Descr()}', 'fortran_order': False, 'shape': {dims}, }}";
        const int preamble = 10;
        var total = totalLength ?? (preamble + dict.Length + 1 + 63) / 64 * 64;
        var padding = total - preamble - dict.Length - 1;
        if (padding < 0 || total - preamble > ushort.MaxValue)
            throw new InvalidOperationException($"npy header for shape {dims} does not fit in {total} bytes");
        var bytes = new byte[total];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)(total - preamble));
        Encoding.Latin1.GetBytes(dict + new string(' ', padding) + "\n", bytes.AsSpan(preamble));
        return bytes;
    }

    // Magic string and format version 1.0.
    private static ReadOnlySpan<byte> Magic => new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 };

    private long[] Shape(long rows) => _rowShape.Prepend(rows).ToArray();
}
