namespace TorchTdhf.IO;

/// <summary>The element types TorchTdhf reads and writes in NumPy files (always little-endian).</summary>
public enum NpyDType
{
    /// <summary>IEEE double, NumPy <c>&lt;f8</c>.</summary>
    Float64,
    /// <summary>Pair of doubles (real, imaginary), NumPy <c>&lt;c16</c>.</summary>
    Complex128,
    /// <summary>IEEE single, NumPy <c>&lt;f4</c>.</summary>
    Float32,
    /// <summary>Signed 64-bit integer, NumPy <c>&lt;i8</c>.</summary>
    Int64,
    /// <summary>Signed 32-bit integer, NumPy <c>&lt;i4</c>.</summary>
    Int32,
    /// <summary>Unsigned byte, NumPy <c>|u1</c>.</summary>
    UInt8,
    /// <summary>Boolean byte, NumPy <c>|b1</c>.</summary>
    Bool,
}

/// <summary>NumPy's names and sizes of <see cref="NpyDType"/>.</summary>
public static class NpyDTypes
{
    /// <summary>The NumPy <c>descr</c> string, e.g. <c>&lt;f8</c>.</summary>
    public static string Descr(this NpyDType type) => type switch
    {
        NpyDType.Float64 => "<f8",
        NpyDType.Complex128 => "<c16",
        NpyDType.Float32 => "<f4",
        NpyDType.Int64 => "<i8",
        NpyDType.Int32 => "<i4",
        NpyDType.UInt8 => "|u1",
        NpyDType.Bool => "|b1",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Bytes per element.</summary>
    public static int ItemSize(this NpyDType type) => type switch
    {
        NpyDType.Float64 or NpyDType.Int64 => 8,
        NpyDType.Complex128 => 16,
        NpyDType.Float32 or NpyDType.Int32 => 4,
        NpyDType.UInt8 or NpyDType.Bool => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Parses a NumPy <c>descr</c>; null when TorchTdhf does not support it.</summary>
    public static NpyDType? FromDescr(string descr) => descr switch
    {
        "<f8" or "=f8" => NpyDType.Float64,
        "<c16" or "=c16" => NpyDType.Complex128,
        "<f4" or "=f4" => NpyDType.Float32,
        "<i8" or "=i8" => NpyDType.Int64,
        "<i4" or "=i4" => NpyDType.Int32,
        "|u1" or "<u1" => NpyDType.UInt8,
        "|b1" or "<b1" => NpyDType.Bool,
        _ => null,
    };
}
