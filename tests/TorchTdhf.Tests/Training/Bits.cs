using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training;

/// <summary>Bit-for-bit comparison of float64 or complex128 tensors.</summary>
internal static class Bits
{
    /// <summary>True when the shapes agree and every double has the same bits.</summary>
    public static bool Identical(Tensor a, Tensor b)
    {
        if (!a.shape.SequenceEqual(b.shape) || a.dtype != b.dtype) return false;
        return Doubles(a).SequenceEqual(Doubles(b));
    }

    private static IEnumerable<long> Doubles(Tensor t)
    {
        using var real = (t.is_complex() ? view_as_real(t.resolve_conj()) : t).contiguous();
        return real.data<double>().ToArray().Select(BitConverter.DoubleToInt64Bits).ToArray();
    }
}
