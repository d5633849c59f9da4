using System.Numerics;
using System.Runtime.InteropServices;
using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics.Compact;

/// <summary>
/// A linear two-electron potential as two plain real matrices on the packed triangles of a Hermitian density, read
/// off once by applying the potential to the N² Hermitian unit matrices: Re G_ij (i ≤ j) = Σ_{k≤l} S[ij, kl] Re P_kl
/// and Im G_ij (i &lt; j) = Σ_{k&lt;l} A[ij, kl] Im P_kl.
/// </summary>
/// <remarks>
/// <para>Every potential of the project (the true one and the Tied, Herm and Symm models) has this form: it sees P only
/// through ½(P + P†), maps its real symmetric part to the real symmetric part of G and its imaginary antisymmetric
/// part to the imaginary antisymmetric part of G, and returns G exactly Hermitian. Nothing about the model's own
/// parameterisation is used, so any such potential qualifies; <see cref="TryRead"/> checks the form instead of
/// trusting it and refuses potentials that do not have it.</para>
/// <para>Triangle order as in <see cref="HermitianPacking"/>: pairs (k, l), k ≤ l (or k &lt; l), row-major. Unlike
/// the packing's s and a, the inputs here are Re P_kl and Im P_kl themselves (not doubled off the diagonal): column
/// (kl) is G of the unit matrix with ones at (k, l) and (l, k).</para>
/// </remarks>
internal sealed class PackedKernels
{
    // Relative size below which a mixing term (Re P → Im G or Im P → Re G) counts as absent.
    private const double MixingTolerance = 1e-13;

    // Relative agreement required between the potential and these kernels on a generic Hermitian density.
    private const double LinearityTolerance = 1e-10;

    private PackedKernels(int n, double[] symmetric, double[] antisymmetric)
    {
        N = n;
        Symmetric = symmetric;
        Antisymmetric = antisymmetric;
    }

    /// <summary>N.</summary>
    public int N { get; }

    /// <summary>S: [Ms, Ms] row-major, output pair (i ≤ j) by input pair (k ≤ l), Ms = N(N+1)/2.</summary>
    public double[] Symmetric { get; }

    /// <summary>A: [Ma, Ma] row-major, output pair (i &lt; j) by input pair (k &lt; l), Ma = N(N−1)/2.</summary>
    public double[] Antisymmetric { get; }

    /// <summary>Ms = N(N+1)/2.</summary>
    public int SymmetricCount => N * (N + 1) / 2;

    /// <summary>Ma = N(N−1)/2.</summary>
    public int AntisymmetricCount => N * (N - 1) / 2;

    /// <summary>
    /// The kernels of <paramref name="potential"/> as its parameters are now (a snapshot), or null when the potential
    /// is not of the form above: not <see cref="ITwoElectronPotential.IsExactlyHermitian"/>, mixing the real and
    /// imaginary parts, or not linear (checked on one generic Hermitian density).
    /// </summary>
    /// <param name="potential">G in an orthonormal basis of size N; applied once to a batch of N² + 1 densities, without gradients.</param>
    public static PackedKernels? TryRead(ITwoElectronPotential potential)
    {
        if (!potential.IsExactlyHermitian) return null;
        var n = potential.BasisSize;
        int ms = n * (n + 1) / 2, ma = n * (n - 1) / 2, count = ms + ma + 1;
        var (re, im) = Inputs(n, ms, ma);
        double[] gRe, gIm;
        using (var scope = torch.NewDisposeScope())
        using (torch.no_grad())
        {
            var shape = new long[] { count, n, n };
            using var g = potential.Apply(torch.complex(torch.tensor(re, shape), torch.tensor(im, shape)));
            gRe = torch.real(g).contiguous().data<double>().ToArray();
            gIm = torch.imag(g).contiguous().data<double>().ToArray();
        }
        var kernels = new PackedKernels(n, new double[ms * ms], new double[ma * ma]);
        var scale = gRe.Concat(gIm).Take((count - 1) * n * n).Select(Math.Abs).DefaultIfEmpty(0).Max();
        var mixing = 0.0;
        var (row, rowA) = (0, 0);
        for (var i = 0; i < n; i++)
        for (var j = i; j < n; j++)
        {
            for (var c = 0; c < ms; c++)
            {
                kernels.Symmetric[row * ms + c] = gRe[(c * n + i) * n + j];
                mixing = Math.Max(mixing, Math.Abs(gIm[(c * n + i) * n + j]));
            }
            row++;
            for (var c = 0; c < ma; c++)
            {
                mixing = Math.Max(mixing, Math.Abs(gRe[((ms + c) * n + i) * n + j]));
                if (i < j) kernels.Antisymmetric[rowA * ma + c] = gIm[((ms + c) * n + i) * n + j];
            }
            if (i < j) rowA++;
        }
        if (!(mixing <= MixingTolerance * scale)) return null;
        return kernels.Reproduces(re, im, gRe, gIm, (count - 1) * n * n) ? kernels : null;
    }

    /// <summary>Re G on the pairs i ≤ j and Im G on the pairs i &lt; j from the packed Re P and Im P.</summary>
    /// <param name="symmetric">Re P_kl, k ≤ l: [Ms].</param>
    /// <param name="antisymmetric">Im P_kl, k &lt; l: [Ma].</param>
    /// <param name="real">Receives Re G_ij, i ≤ j: [Ms].</param>
    /// <param name="imaginary">Receives Im G_ij, i &lt; j: [Ma].</param>
    public void Apply(ReadOnlySpan<double> symmetric, ReadOnlySpan<double> antisymmetric, Span<double> real, Span<double> imaginary)
    {
        Multiply(Symmetric, symmetric, real);
        Multiply(Antisymmetric, antisymmetric, imaginary);
    }

    // result = M x for a row-major square M.
    private static void Multiply(double[] matrix, ReadOnlySpan<double> x, Span<double> result)
    {
        var length = x.Length;
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var tail = vx.Length * Vector<double>.Count;
        for (var row = 0; row < length; row++)
        {
            var m = matrix.AsSpan(row * length, length);
            var vm = MemoryMarshal.Cast<double, Vector<double>>(m);
            var sum = Vector<double>.Zero;
            for (var v = 0; v < vx.Length; v++) sum += vm[v] * vx[v];
            var total = Vector.Sum(sum);
            for (var e = tail; e < length; e++) total += m[e] * x[e];
            result[row] = total;
        }
    }

    // The unit matrices (first Ms real symmetric, then Ma imaginary antisymmetric) and one generic Hermitian probe.
    private static (double[] Re, double[] Im) Inputs(int n, int ms, int ma)
    {
        var count = ms + ma + 1;
        var re = new double[count * n * n];
        var im = new double[count * n * n];
        var (p, q) = (0, 0);
        for (var k = 0; k < n; k++)
        for (var l = k; l < n; l++)
        {
            re[(p * n + k) * n + l] = re[(p * n + l) * n + k] = 1;
            p++;
            if (k == l) continue;
            im[((ms + q) * n + k) * n + l] = 1;
            im[((ms + q) * n + l) * n + k] = -1;
            q++;
        }
        // Fixed pseudo-random entries with a coefficient sum far from one, so that an offset G(0) ≠ 0 shows.
        var random = new Random(20240917);
        var probe = (count - 1) * n * n;
        for (var k = 0; k < n; k++)
        for (var l = k; l < n; l++)
        {
            re[probe + k * n + l] = re[probe + l * n + k] = 2 * random.NextDouble() - 1;
            if (k == l) continue;
            var value = 2 * random.NextDouble() - 1;
            im[probe + k * n + l] = value;
            im[probe + l * n + k] = -value;
        }
        return (re, im);
    }

    // Whether the kernels applied to the probe (at offset) give what the potential gave.
    private bool Reproduces(double[] re, double[] im, double[] gRe, double[] gIm, int offset)
    {
        int n = N, ms = SymmetricCount, ma = AntisymmetricCount;
        var (s, a) = (new double[ms], new double[ma]);
        var (p, q) = (0, 0);
        for (var k = 0; k < n; k++)
        for (var l = k; l < n; l++)
        {
            s[p++] = re[offset + k * n + l];
            if (k < l) a[q++] = im[offset + k * n + l];
        }
        var (real, imaginary) = (new double[ms], new double[ma]);
        Apply(s, a, real, imaginary);
        var (worst, size) = (0.0, 0.0);
        (p, q) = (0, 0);
        for (var i = 0; i < n; i++)
        for (var j = i; j < n; j++)
        {
            var e = offset + i * n + j;
            size = Math.Max(size, Math.Max(Math.Abs(gRe[e]), Math.Abs(gIm[e])));
            worst = Math.Max(worst, Math.Abs(gRe[e] - real[p++]));
            if (i < j) worst = Math.Max(worst, Math.Abs(gIm[e] - imaginary[q++]));
        }
        return worst <= LinearityTolerance * size;
    }
}
