using System.Runtime.CompilerServices;

namespace TorchTdhf.Chemistry.Integrals;

internal sealed unsafe partial class EriWorker
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BraHorizontal(QuartetClass cls, EriShellPair bra)
    {
        var steps = cls.Bra.Steps;
        if (steps.Length == 0) return;
        var stride = cls.KetStride;
        var columns = cls.Ket.InputCount;
        var first = cls.Ket.InputStart;
        double* ab = stackalloc double[3] { bra.ABx, bra.ABy, bra.ABz };
        fixed (HrrStep* step0 = steps)
        {
            var end = step0 + steps.Length;
            for (var s = step0; s < end; s++)
            {
                double* d = _w + s->Target * stride + first, s1 = _w + s->Source1 * stride + first, s2 = _w + s->Source2 * stride + first;
                var c = ab[s->Direction];
                for (var j = 0; j < columns; j++) d[j] = s1[j] + c * s2[j];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void KetHorizontal(QuartetClass cls, EriShellPair ket)
    {
        var steps = cls.Ket.Steps;
        if (steps.Length == 0) return;
        var stride = cls.KetStride;
        var rows = cls.Bra.OutputCount;
        double* cd = stackalloc double[3] { ket.ABx, ket.ABy, ket.ABz };
        fixed (HrrStep* step0 = steps)
        {
            var end = step0 + steps.Length;
            for (var r = 0; r < rows; r++)
            {
                var row = _w + r * stride;
                for (var s = step0; s < end; s++) row[s->Target] = row[s->Source1] + cd[s->Direction] * row[s->Source2];
            }
        }
    }

    // Copies the Cartesian (ab|cd) out of the work matrix and applies each shell's normalisation or solid-harmonic
    // matrix along its axis.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double* ToFunctions(QuartetClass cls, EriShellPair bra, EriShellPair ket)
    {
        int rows = cls.Bra.OutputCount, columns = cls.Ket.OutputCount, stride = cls.KetStride;
        double* current = _r, other = _s;
        for (var r = 0; r < rows; r++)
        {
            var from = _w + r * stride;
            var to = current + r * columns;
            for (var c = 0; c < columns; c++) to[c] = from[c];
        }
        if (cls.La < 2 && cls.Lc < 2) return current;   // s and p only: nothing to transform
        int* dims = stackalloc int[4] { bra.A.CartesianCount, bra.B.CartesianCount, ket.A.CartesianCount, ket.B.CartesianCount };
        for (var axis = 0; axis < 4; axis++)
        {
            var shell = axis switch { 0 => bra.A, 1 => bra.B, 2 => ket.A, _ => ket.B };
            if (ShellFunctions.IsIdentity(shell.L)) continue;
            var outer = 1;
            for (var k = 0; k < axis; k++) outer *= dims[k];
            var inner = 1;
            for (var k = axis + 1; k < 4; k++) inner *= dims[k];
            int nc = shell.CartesianCount, nf = shell.FunctionCount;
            fixed (double* matrix = shell.Transform)
            {
                if (shell.Pure)
                {
                    TransformAxis(current, other, matrix, outer, nc, nf, inner);
                    var swap = current;
                    current = other;
                    other = swap;
                }
                else
                {
                    ScaleAxis(current, matrix, outer, nc, inner);
                }
            }
            dims[axis] = nf;
        }
        return current;
    }

    private static void TransformAxis(double* from, double* to, double* matrix, int outer, int nc, int nf, int inner)
    {
        for (var o = 0; o < outer; o++)
        {
            var src = from + o * nc * inner;
            var dst = to + o * nf * inner;
            for (var f = 0; f < nf; f++)
            {
                var d = dst + f * inner;
                for (var i = 0; i < inner; i++) d[i] = 0.0;
                for (var c = 0; c < nc; c++)
                {
                    var m = matrix[f * nc + c];
                    if (m == 0.0) continue;
                    var s = src + c * inner;
                    for (var i = 0; i < inner; i++) d[i] += m * s[i];
                }
            }
        }
    }

    // Cartesian shells: the matrix is diagonal (one normalisation per component).
    private static void ScaleAxis(double* data, double* matrix, int outer, int nc, int inner)
    {
        for (var o = 0; o < outer; o++)
        {
            for (var c = 0; c < nc; c++)
            {
                var m = matrix[c * nc + c];
                var d = data + (o * nc + c) * inner;
                for (var i = 0; i < inner; i++) d[i] *= m;
            }
        }
    }
}
