using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TorchTdhf.Dynamics.Compact;

/// <summary>
/// One N×N complex matrix as separate real and imaginary planes, rows padded to a whole number of SIMD vectors
/// (the padding stays zero), with the few kernels the small-system integrator needs.
/// </summary>
/// <remarks>
/// For N ≤ 16 a libtorch operation costs far more in dispatch than in arithmetic, so the small-system path works on
/// plain arrays; the split planes let every complex product run as fused vector multiply-adds along rows.
/// </remarks>
internal sealed class ComplexMatrix
{
    /// <summary>A zero matrix of order <paramref name="n"/>.</summary>
    public ComplexMatrix(int n)
    {
        N = n;
        var width = Vector<double>.Count;
        // Orders 2w < N ≤ 4w take four vectors a row, so that they all run the register-blocked product.
        Stride = n > 2 * width && n <= 4 * width ? 4 * width : (n + width - 1) / width * width;
        Re = new double[n * Stride];
        Im = new double[n * Stride];
    }

    /// <summary>N.</summary>
    public int N { get; }

    /// <summary>Distance between rows: N rounded up to a multiple of the SIMD width.</summary>
    public int Stride { get; }

    /// <summary>Real parts, row-major with <see cref="Stride"/>.</summary>
    public double[] Re { get; }

    /// <summary>Imaginary parts, row-major with <see cref="Stride"/>.</summary>
    public double[] Im { get; }

    /// <summary>this = A·B (no aliasing with A or B).</summary>
    public void SetProduct(ComplexMatrix a, ComplexMatrix b)
    {
        if (Stride == 4 * Vector<double>.Count) SetProductFourVectors(a, b);
        else SetProductAnyWidth(a, b);
    }

    // Rows of four vectors (N = 13..16 on AVX2) kept in registers across the k loop.
    private void SetProductFourVectors(ComplexMatrix a, ComplexMatrix b)
    {
        var s = Stride;
        var w = Vector<double>.Count;
        ref var br = ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetArrayDataReference(b.Re));
        ref var bi = ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetArrayDataReference(b.Im));
        ref var cr = ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetArrayDataReference(Re));
        ref var ci = ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetArrayDataReference(Im));
        var rowVectors = s / w;
        for (var i = 0; i < N; i++)
        {
            Vector<double> r0 = default, r1 = default, r2 = default, r3 = default;
            Vector<double> i0 = default, i1 = default, i2 = default, i3 = default;
            for (var k = 0; k < N; k++)
            {
                var ar = new Vector<double>(a.Re[i * s + k]);
                var ai = new Vector<double>(a.Im[i * s + k]);
                var minusAi = -ai;
                var o = k * rowVectors;
                var (x0, x1, x2, x3) = (Unsafe.Add(ref br, o), Unsafe.Add(ref br, o + 1), Unsafe.Add(ref br, o + 2), Unsafe.Add(ref br, o + 3));
                var (y0, y1, y2, y3) = (Unsafe.Add(ref bi, o), Unsafe.Add(ref bi, o + 1), Unsafe.Add(ref bi, o + 2), Unsafe.Add(ref bi, o + 3));
                r0 = Fma(x0, ar, Fma(y0, minusAi, r0));
                r1 = Fma(x1, ar, Fma(y1, minusAi, r1));
                r2 = Fma(x2, ar, Fma(y2, minusAi, r2));
                r3 = Fma(x3, ar, Fma(y3, minusAi, r3));
                i0 = Fma(y0, ar, Fma(x0, ai, i0));
                i1 = Fma(y1, ar, Fma(x1, ai, i1));
                i2 = Fma(y2, ar, Fma(x2, ai, i2));
                i3 = Fma(y3, ar, Fma(x3, ai, i3));
            }
            var c = i * rowVectors;
            (Unsafe.Add(ref cr, c), Unsafe.Add(ref cr, c + 1), Unsafe.Add(ref cr, c + 2), Unsafe.Add(ref cr, c + 3)) = (r0, r1, r2, r3);
            (Unsafe.Add(ref ci, c), Unsafe.Add(ref ci, c + 1), Unsafe.Add(ref ci, c + 2), Unsafe.Add(ref ci, c + 3)) = (i0, i1, i2, i3);
        }
    }

    private void SetProductAnyWidth(ComplexMatrix a, ComplexMatrix b)
    {
        var s = Stride;
        for (var i = 0; i < N; i++)
        {
            var cr = Row(Re, i);
            var ci = Row(Im, i);
            cr.Clear();
            ci.Clear();
            for (var k = 0; k < N; k++)
            {
                var ar = new Vector<double>(a.Re[i * s + k]);
                var ai = new Vector<double>(a.Im[i * s + k]);
                var minusAi = -ai;
                var br = b.Row(b.Re, k);
                var bi = b.Row(b.Im, k);
                for (var v = 0; v < cr.Length; v++)
                {
                    cr[v] = Fma(br[v], ar, Fma(bi[v], minusAi, cr[v]));
                    ci[v] = Fma(bi[v], ar, Fma(br[v], ai, ci[v]));
                }
            }
        }
    }

    /// <summary>this = A†.</summary>
    public void SetAdjoint(ComplexMatrix a)
    {
        var s = Stride;
        for (var i = 0; i < N; i++)
        for (var j = 0; j < N; j++)
        {
            Re[j * s + i] = a.Re[i * s + j];
            Im[j * s + i] = -a.Im[i * s + j];
        }
    }

    /// <summary>this = A + sign·A†, exact in its (anti-)Hermitian symmetry: sign +1 or −1.</summary>
    public void SetPlusSignedAdjoint(ComplexMatrix a, double sign)
    {
        var s = Stride;
        for (var i = 0; i < N; i++)
        for (var j = i; j < N; j++)
        {
            var re = a.Re[i * s + j] + sign * a.Re[j * s + i];
            var im = a.Im[i * s + j] - sign * a.Im[j * s + i];
            Re[i * s + j] = re;
            Im[i * s + j] = im;
            Re[j * s + i] = sign * re;
            Im[j * s + i] = -sign * im;
        }
    }

    /// <summary>this += c·A for a complex scalar c = cr + i·ci.</summary>
    public void AddScaled(ComplexMatrix a, double cr, double ci)
    {
        var re = Plane(Re);
        var im = Plane(Im);
        var ar = Plane(a.Re);
        var ai = Plane(a.Im);
        var (real, imaginary, minusImaginary) = (new Vector<double>(cr), new Vector<double>(ci), new Vector<double>(-ci));
        for (var v = 0; v < re.Length; v++)
        {
            var x = ar[v];
            var y = ai[v];
            re[v] = Fma(x, real, Fma(y, minusImaginary, re[v]));
            im[v] = Fma(y, real, Fma(x, imaginary, im[v]));
        }
    }

    /// <summary>this = the row-major N×N matrix <paramref name="values"/>.</summary>
    public void Load(ReadOnlySpan<Complex> values)
    {
        for (var i = 0; i < N; i++)
        for (var j = 0; j < N; j++)
        {
            var value = values[i * N + j];
            Re[i * Stride + j] = value.Real;
            Im[i * Stride + j] = value.Imaginary;
        }
    }

    /// <summary>Writes this matrix to <paramref name="values"/>, row-major N×N.</summary>
    public void Store(Span<Complex> values)
    {
        for (var i = 0; i < N; i++)
        for (var j = 0; j < N; j++) values[i * N + j] = new Complex(Re[i * Stride + j], Im[i * Stride + j]);
    }

    /// <summary>this = A.</summary>
    public void CopyFrom(ComplexMatrix a)
    {
        a.Re.CopyTo(Re, 0);
        a.Im.CopyTo(Im, 0);
    }

    /// <summary>this *= a real factor.</summary>
    public void Scale(double factor)
    {
        var re = Plane(Re);
        var im = Plane(Im);
        for (var v = 0; v < re.Length; v++)
        {
            re[v] *= factor;
            im[v] *= factor;
        }
    }

    /// <summary>Frobenius norm.</summary>
    public double FrobeniusNorm()
    {
        var sum = Vector<double>.Zero;
        var re = Plane(Re);
        var im = Plane(Im);
        for (var v = 0; v < re.Length; v++) sum += re[v] * re[v] + im[v] * im[v];
        return Math.Sqrt(Vector.Sum(sum));
    }

    // One rounding per multiply-add: fewer instructions than a product and a sum, and no less accurate.
    private static Vector<double> Fma(Vector<double> x, Vector<double> y, Vector<double> addend) => Vector.FusedMultiplyAdd(x, y, addend);

    private Span<Vector<double>> Row(double[] plane, int row) => MemoryMarshal.Cast<double, Vector<double>>(plane.AsSpan(row * Stride, Stride));

    private static Span<Vector<double>> Plane(double[] plane) => MemoryMarshal.Cast<double, Vector<double>>(plane.AsSpan());
}
