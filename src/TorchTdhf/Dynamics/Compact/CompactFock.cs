using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics.Compact;

/// <summary>
/// F(P, t) = h + G(P) + E(t)·r on <see cref="ComplexMatrix"/> planes, for a linear G read off once from the potential.
/// </summary>
/// <remarks>
/// G maps the real symmetric and imaginary antisymmetric parts of a Hermitian P separately (the structure
/// <see cref="TruePotential"/> is built on), so its action is two real matrices on the packed triangles, obtained by
/// applying the potential to the N² Hermitian unit matrices. Like the potential, G is taken of ½(P + P†) and built
/// exactly Hermitian.
/// </remarks>
internal sealed class CompactFock
{
    private readonly int _n;
    private readonly double[] _core;
    private readonly double[][] _position;
    private readonly double[] _symmetric;
    private readonly double[] _antisymmetric;
    private readonly int _symmetricCount;
    private readonly int _antisymmetricCount;
    private readonly double[] _packedSymmetric;
    private readonly double[] _packedAntisymmetric;
    private readonly double[] _gSymmetric;
    private readonly double[] _gAntisymmetric;

    /// <param name="coreHamiltonian">h: [N, N] complex128, exactly symmetric and real.</param>
    /// <param name="position">r: [3, N, N] float64, exactly symmetric.</param>
    /// <param name="potential">A linear G mapping Hermitian matrices to Hermitian ones.</param>
    public CompactFock(Tensor coreHamiltonian, Tensor position, ITwoElectronPotential potential)
    {
        _n = potential.BasisSize;
        var n = _n;
        _core = torch.real(coreHamiltonian).contiguous().data<double>().ToArray();
        using var flat = position.reshape(3, n * n).contiguous();
        _position = Enumerable.Range(0, 3).Select(c => flat[c].data<double>().ToArray()).ToArray();
        _symmetricCount = n * (n + 1) / 2;
        _antisymmetricCount = n * (n - 1) / 2;
        (_symmetric, _antisymmetric) = Kernels(potential);
        // Rows padded to whole vectors with zeros, so that the products need no scalar tails.
        _packedSymmetric = new double[Padded(_symmetricCount)];
        _packedAntisymmetric = new double[Padded(_antisymmetricCount)];
        _gSymmetric = new double[_symmetricCount];
        _gAntisymmetric = new double[_antisymmetricCount];
    }

    /// <summary>fock = h + G(½(P + P†)) + e·r, exactly Hermitian.</summary>
    /// <param name="density">P.</param>
    /// <param name="field">E(t) of this trajectory.</param>
    /// <param name="fock">Receives F.</param>
    public void Build(ComplexMatrix density, CartesianVector field, ComplexMatrix fock)
    {
        int n = _n, s = density.Stride;
        var (a, p) = (0, 0);
        for (var k = 0; k < n; k++)
        for (var l = k; l < n; l++)
        {
            _packedSymmetric[p++] = 0.5 * (density.Re[k * s + l] + density.Re[l * s + k]);
            if (k < l) _packedAntisymmetric[a++] = 0.5 * (density.Im[k * s + l] - density.Im[l * s + k]);
        }
        Apply(_symmetric, _packedSymmetric, _gSymmetric);
        Apply(_antisymmetric, _packedAntisymmetric, _gAntisymmetric);
        var (rx, ry, rz) = (_position[0], _position[1], _position[2]);
        (a, p) = (0, 0);
        for (var i = 0; i < n; i++)
        for (var j = i; j < n; j++)
        {
            var e = i * n + j;
            var one = _core[e] + (field.X * rx[e] + field.Y * ry[e] + field.Z * rz[e]);
            var re = _gSymmetric[p++] + one;
            fock.Re[i * s + j] = re;
            fock.Re[j * s + i] = re;
            if (i == j)
            {
                fock.Im[i * s + i] = 0;
                continue;
            }
            var im = _gAntisymmetric[a++];
            fock.Im[i * s + j] = im;
            fock.Im[j * s + i] = -im;
        }
    }

    // result = kernel · packed, kernel rows and packed padded to whole vectors. Four rows at a time: each row alone would
    // be one chain of dependent multiply-adds, bound by their latency rather than by the arithmetic.
    private static void Apply(double[] kernel, double[] packed, double[] result)
    {
        var rows = result.Length;
        var vectors = packed.Length / Vector<double>.Count;
        ref var y = ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetArrayDataReference(packed));
        ref var k = ref Unsafe.As<double, Vector<double>>(ref MemoryMarshal.GetArrayDataReference(kernel));
        var row = 0;
        for (; row + 4 <= rows; row += 4)
        {
            var o = row * vectors;
            Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (var v = 0; v < vectors; v++)
            {
                var x = Unsafe.Add(ref y, v);
                s0 = Vector.FusedMultiplyAdd(Unsafe.Add(ref k, o + v), x, s0);
                s1 = Vector.FusedMultiplyAdd(Unsafe.Add(ref k, o + vectors + v), x, s1);
                s2 = Vector.FusedMultiplyAdd(Unsafe.Add(ref k, o + 2 * vectors + v), x, s2);
                s3 = Vector.FusedMultiplyAdd(Unsafe.Add(ref k, o + 3 * vectors + v), x, s3);
            }
            (result[row], result[row + 1], result[row + 2], result[row + 3]) = (Vector.Sum(s0), Vector.Sum(s1), Vector.Sum(s2), Vector.Sum(s3));
        }
        for (; row < rows; row++)
        {
            var o = row * vectors;
            var sum = Vector<double>.Zero;
            for (var v = 0; v < vectors; v++) sum = Vector.FusedMultiplyAdd(Unsafe.Add(ref k, o + v), Unsafe.Add(ref y, v), sum);
            result[row] = Vector.Sum(sum);
        }
    }

    private static int Padded(int count) => (count + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;

    // Row-major [Ms, Ms] and [Ma, Ma] (rows padded): column p is G of the p-th unit matrix, read at the packed output pairs.
    private (double[] Symmetric, double[] Antisymmetric) Kernels(ITwoElectronPotential potential)
    {
        int n = _n, ms = _symmetricCount, ma = _antisymmetricCount;
        var re = new double[(ms + ma) * n * n];
        var im = new double[(ms + ma) * n * n];
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
        using var scope = torch.NewDisposeScope();
        var shape = new long[] { ms + ma, n, n };
        var units = torch.complex(torch.tensor(re, shape), torch.tensor(im, shape));
        Tensor g;
        using (torch.no_grad()) g = potential.Apply(units);
        var gRe = torch.real(g).contiguous().data<double>().ToArray();
        var gIm = torch.imag(g).contiguous().data<double>().ToArray();
        var (ps, pa) = (Padded(ms), Padded(ma));
        var symmetric = new double[ms * ps];
        var antisymmetric = new double[ma * pa];
        var (row, rowA) = (0, 0);
        for (var i = 0; i < n; i++)
        for (var j = i; j < n; j++)
        {
            for (var c = 0; c < ms; c++) symmetric[row * ps + c] = gRe[(c * n + i) * n + j];
            row++;
            if (i == j) continue;
            for (var c = 0; c < ma; c++) antisymmetric[rowA * pa + c] = gIm[((ms + c) * n + i) * n + j];
            rowA++;
        }
        return (symmetric, antisymmetric);
    }
}
