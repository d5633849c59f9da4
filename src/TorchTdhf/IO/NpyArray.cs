using System.Numerics;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.IO;

/// <summary>
/// An n-dimensional array as NumPy stores it: a shape, an element type and the elements in C (row-major) order.
/// </summary>
public sealed class NpyArray
{
    private NpyArray(Array data, NpyDType type, long[] shape)
    {
        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (shape.Any(d => d < 0)) throw new ArgumentException("array dimensions must not be negative", nameof(shape));
        if (data.LongLength != count)
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) needs {count} elements, got {data.LongLength}", nameof(data));
        Data = data;
        DType = type;
        Shape = shape;
    }

    /// <summary>Elements in C order: double[], Complex[], float[], long[], int[], byte[] or bool[] according to <see cref="DType"/>.</summary>
    public Array Data { get; }

    /// <summary>Element type.</summary>
    public NpyDType DType { get; }

    /// <summary>Dimensions; empty for a scalar (0-d array).</summary>
    public long[] Shape { get; }

    /// <summary>Number of elements.</summary>
    public long Count => Data.LongLength;

    /// <summary>Wraps float64 data (not copied) with the given shape.</summary>
    public static NpyArray Of(double[] data, params long[] shape) => new(data, NpyDType.Float64, shape);

    /// <summary>Wraps complex128 data (not copied) with the given shape.</summary>
    public static NpyArray Of(Complex[] data, params long[] shape) => new(data, NpyDType.Complex128, shape);

    /// <summary>Wraps float32 data (not copied) with the given shape.</summary>
    public static NpyArray Of(float[] data, params long[] shape) => new(data, NpyDType.Float32, shape);

    /// <summary>Wraps int64 data (not copied) with the given shape.</summary>
    public static NpyArray Of(long[] data, params long[] shape) => new(data, NpyDType.Int64, shape);

    /// <summary>Wraps int32 data (not copied) with the given shape.</summary>
    public static NpyArray Of(int[] data, params long[] shape) => new(data, NpyDType.Int32, shape);

    /// <summary>Wraps uint8 data (not copied) with the given shape.</summary>
    public static NpyArray Of(byte[] data, params long[] shape) => new(data, NpyDType.UInt8, shape);

    /// <summary>Wraps boolean data (not copied) with the given shape.</summary>
    public static NpyArray Of(bool[] data, params long[] shape) => new(data, NpyDType.Bool, shape);

    /// <summary>A 0-d float64 array.</summary>
    public static NpyArray Scalar(double value) => Of(new[] { value });

    /// <summary>A 0-d int64 array.</summary>
    public static NpyArray Scalar(long value) => Of(new[] { value });

    /// <summary>Copies a [rows, columns] matrix into a 2-d float64 array.</summary>
    public static NpyArray Of(double[,] matrix)
    {
        var copy = new double[matrix.Length];
        Buffer.BlockCopy(matrix, 0, copy, 0, copy.Length * sizeof(double));
        return Of(copy, matrix.GetLength(0), matrix.GetLength(1));
    }

    /// <summary>Copies a CPU or device tensor of dtype float64, complex128, float32, int64, int32, uint8 or bool.</summary>
    public static NpyArray FromTensor(Tensor tensor)
    {
        using var scope = torch.NewDisposeScope();
        var t = tensor.detach().cpu().contiguous();
        var shape = t.shape;
        return t.dtype switch
        {
            ScalarType.Float64 => Of(t.data<double>().ToArray(), shape),
            ScalarType.ComplexFloat64 => Of(t.data<Complex>().ToArray(), shape),
            ScalarType.Float32 => Of(t.data<float>().ToArray(), shape),
            ScalarType.Int64 => Of(t.data<long>().ToArray(), shape),
            ScalarType.Int32 => Of(t.data<int>().ToArray(), shape),
            ScalarType.Byte => Of(t.data<byte>().ToArray(), shape),
            ScalarType.Bool => Of(t.data<bool>().ToArray(), shape),
            _ => throw new ArgumentException($"tensors of dtype {t.dtype} cannot be stored", nameof(tensor)),
        };
    }

    /// <summary>Makes an array from raw little-endian bytes in C order.</summary>
    internal static NpyArray FromBytes(ReadOnlySpan<byte> bytes, NpyDType type, long[] shape)
    {
        Array data = type switch
        {
            NpyDType.Float64 => MemoryMarshal.Cast<byte, double>(bytes).ToArray(),
            NpyDType.Complex128 => MemoryMarshal.Cast<byte, Complex>(bytes).ToArray(),
            NpyDType.Float32 => MemoryMarshal.Cast<byte, float>(bytes).ToArray(),
            NpyDType.Int64 => MemoryMarshal.Cast<byte, long>(bytes).ToArray(),
            NpyDType.Int32 => MemoryMarshal.Cast<byte, int>(bytes).ToArray(),
            NpyDType.UInt8 => bytes.ToArray(),
            NpyDType.Bool => bytes.ToArray().Select(b => b != 0).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
        return new NpyArray(data, type, shape);
    }

    /// <summary>The elements as little-endian bytes in C order.</summary>
    internal ReadOnlySpan<byte> AsBytes() => Data switch
    {
        double[] d => MemoryMarshal.AsBytes(d.AsSpan()),
        Complex[] c => MemoryMarshal.AsBytes(c.AsSpan()),
        float[] f => MemoryMarshal.AsBytes(f.AsSpan()),
        long[] l => MemoryMarshal.AsBytes(l.AsSpan()),
        int[] i => MemoryMarshal.AsBytes(i.AsSpan()),
        byte[] b => b,
        bool[] b => MemoryMarshal.AsBytes(b.AsSpan()),
        _ => throw new InvalidOperationException($"unsupported element storage {Data.GetType()}"),
    };

    /// <summary>The elements as doubles (real types only), C order.</summary>
    public double[] ToDoubleArray() => Data switch
    {
        double[] d => d,
        float[] f => f.Select(x => (double)x).ToArray(),
        long[] l => l.Select(x => (double)x).ToArray(),
        int[] i => i.Select(x => (double)x).ToArray(),
        byte[] b => b.Select(x => (double)x).ToArray(),
        bool[] b => b.Select(x => x ? 1.0 : 0.0).ToArray(),
        _ => throw new InvalidCastException($"a {DType} array cannot be read as real numbers"),
    };

    /// <summary>The elements as complex numbers (real types get zero imaginary parts), C order.</summary>
    public Complex[] ToComplexArray() => Data is Complex[] c ? c : ToDoubleArray().Select(x => new Complex(x, 0)).ToArray();

    /// <summary>The elements as 64-bit integers (integer and boolean types only), C order.</summary>
    public long[] ToInt64Array() => Data switch
    {
        long[] l => l,
        int[] i => i.Select(x => (long)x).ToArray(),
        byte[] b => b.Select(x => (long)x).ToArray(),
        bool[] b => b.Select(x => x ? 1L : 0L).ToArray(),
        _ => throw new InvalidCastException($"a {DType} array cannot be read as integers"),
    };

    /// <summary>A 2-d real array as a matrix [rows, columns].</summary>
    public double[,] ToMatrix()
    {
        if (Shape.Length != 2) throw new InvalidOperationException($"expected a 2-d array, got shape ({string.Join(", ", Shape)})");
        var values = ToDoubleArray();
        var matrix = new double[Shape[0], Shape[1]];
        Buffer.BlockCopy(values, 0, matrix, 0, values.Length * sizeof(double));
        return matrix;
    }

    /// <summary>The single element of a 0-d or one-element real array.</summary>
    public double ScalarDouble()
    {
        if (Count != 1) throw new InvalidOperationException($"expected a scalar, got shape ({string.Join(", ", Shape)})");
        return ToDoubleArray()[0];
    }

    /// <summary>The single element of a 0-d or one-element integer array; a real element must be integral.</summary>
    public long ScalarLong()
    {
        if (Count != 1) throw new InvalidOperationException($"expected a scalar, got shape ({string.Join(", ", Shape)})");
        if (Data is double[] or float[])
        {
            var value = ToDoubleArray()[0];
            if (value != Math.Round(value)) throw new InvalidCastException($"expected an integer, got {value}");
            return (long)value;
        }
        return ToInt64Array()[0];
    }

    /// <summary>True when every element is finite (integers always are).</summary>
    public bool IsFinite() => Data switch
    {
        double[] d => d.All(double.IsFinite),
        Complex[] c => c.All(z => double.IsFinite(z.Real) && double.IsFinite(z.Imaginary)),
        float[] f => f.All(float.IsFinite),
        _ => true,
    };

    /// <summary>
    /// A complex128 tensor built from separate real and imaginary parts: a tensor wrapping a .NET Complex[] is only
    /// 8-byte aligned, and libtorch's complex kernels crash on such memory.
    /// </summary>
    private static Tensor ComplexTensor(Complex[] values, long[] shape)
    {
        var re = new double[values.Length];
        var im = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            re[i] = values[i].Real;
            im[i] = values[i].Imaginary;
        }
        using var real = torch.tensor(re, shape, ScalarType.Float64);
        using var imaginary = torch.tensor(im, shape, ScalarType.Float64);
        return torch.complex(real, imaginary);
    }

    /// <summary>A new CPU tensor with this array's shape and dtype (float64, complex128, float32, int64, int32, uint8, bool).</summary>
    public Tensor ToTensor() => Data switch
    {
        double[] d => torch.tensor(d, Shape, ScalarType.Float64),
        Complex[] c => ComplexTensor(c, Shape),
        float[] f => torch.tensor(f, Shape, ScalarType.Float32),
        long[] l => torch.tensor(l, Shape, ScalarType.Int64),
        int[] i => torch.tensor(i, Shape, ScalarType.Int32),
        byte[] b => torch.tensor(b, Shape, ScalarType.Byte),
        bool[] b => torch.tensor(b, Shape, ScalarType.Bool),
        _ => throw new InvalidOperationException($"unsupported element storage {Data.GetType()}"),
    };
}
