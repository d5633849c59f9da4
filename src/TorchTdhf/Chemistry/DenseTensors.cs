using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Chemistry;

/// <summary>Copies between .NET arrays and float64 / complex128 CPU tensors (row-major both ways).</summary>
internal static class DenseTensors
{
    public static Tensor FromMatrix(double[,] matrix)
    {
        var flat = new double[matrix.Length];
        Buffer.BlockCopy(matrix, 0, flat, 0, flat.Length * sizeof(double));
        return torch.tensor(flat, new long[] { matrix.GetLength(0), matrix.GetLength(1) }, ScalarType.Float64);
    }

    public static Tensor FromMatrix(Complex[,] matrix)
    {
        // A tensor wrapping a managed Complex[] is only 8-byte aligned, and libtorch's vectorised complex kernels
        // fault on such memory; building from real and imaginary float64 parts lets libtorch allocate aligned storage.
        var shape = new long[] { matrix.GetLength(0), matrix.GetLength(1) };
        var re = new double[matrix.Length];
        var im = new double[matrix.Length];
        var k = 0;
        foreach (var value in matrix)
        {
            re[k] = value.Real;
            im[k++] = value.Imaginary;
        }
        using var real = torch.tensor(re, shape, ScalarType.Float64);
        using var imaginary = torch.tensor(im, shape, ScalarType.Float64);
        return torch.complex(real, imaginary);
    }

    public static double[] ToFlat(Tensor tensor)
    {
        using var cpu = tensor.to_type(ScalarType.Float64).contiguous();
        return cpu.data<double>().ToArray();
    }

    public static double[,] ToMatrix(Tensor tensor)
    {
        if (tensor.dim() != 2) throw new ArgumentException($"expected a matrix, got shape [{string.Join(", ", tensor.shape)}]", nameof(tensor));
        var flat = ToFlat(tensor);
        var matrix = new double[tensor.shape[0], tensor.shape[1]];
        Buffer.BlockCopy(flat, 0, matrix, 0, flat.Length * sizeof(double));
        return matrix;
    }

    public static Complex[,] ToComplexMatrix(Tensor tensor)
    {
        if (tensor.dim() != 2) throw new ArgumentException($"expected a matrix, got shape [{string.Join(", ", tensor.shape)}]", nameof(tensor));
        using var cpu = tensor.to_type(ScalarType.ComplexFloat64).contiguous();
        var flat = cpu.data<Complex>().ToArray();
        var matrix = new Complex[tensor.shape[0], tensor.shape[1]];
        var columns = matrix.GetLength(1);
        for (var k = 0; k < flat.Length; k++) matrix[k / columns, k % columns] = flat[k];
        return matrix;
    }
}
