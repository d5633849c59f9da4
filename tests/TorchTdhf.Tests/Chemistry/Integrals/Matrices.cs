namespace TorchTdhf.Tests.Chemistry.Integrals;

/// <summary>Small dense helpers for the integral tests.</summary>
internal static class Matrices
{
    public static double[,] Scale(double[,] a, double factor)
    {
        var result = (double[,])a.Clone();
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++) result[i, j] *= factor;
        }
        return result;
    }

    /// <summary>Cholesky succeeds exactly for symmetric positive definite matrices.</summary>
    public static bool IsPositiveDefinite(double[,] a)
    {
        var n = a.GetLength(0);
        var l = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var d = a[j, j];
            for (var k = 0; k < j; k++) d -= l[j, k] * l[j, k];
            if (!(d > 0)) return false;
            l[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = s / l[j, j];
            }
        }
        return true;
    }

    /// <summary>M · A · Mᵀ for M [r × n], A [n × n].</summary>
    public static double[,] Congruence(double[,] m, double[,] a)
    {
        int r = m.GetLength(0), n = m.GetLength(1);
        var ma = new double[r, n];
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var k = 0; k < n; k++) s += m[i, k] * a[k, j];
                ma[i, j] = s;
            }
        }
        var result = new double[r, r];
        for (var i = 0; i < r; i++)
        {
            for (var j = 0; j < r; j++)
            {
                var s = 0.0;
                for (var k = 0; k < n; k++) s += ma[i, k] * m[j, k];
                result[i, j] = s;
            }
        }
        return result;
    }

    /// <summary>Applies M [r × n] to every index of a flat [n⁴] tensor, giving [r⁴].</summary>
    public static double[] TransformFourIndex(double[,] m, double[] t)
    {
        int r = m.GetLength(0), n = m.GetLength(1);
        var current = t;
        var dims = new[] { n, n, n, n };
        for (var axis = 0; axis < 4; axis++)
        {
            var outer = 1;
            for (var k = 0; k < axis; k++) outer *= dims[k];
            var inner = 1;
            for (var k = axis + 1; k < 4; k++) inner *= dims[k];
            var next = new double[outer * r * inner];
            for (var o = 0; o < outer; o++)
            {
                for (var f = 0; f < r; f++)
                {
                    for (var c = 0; c < n; c++)
                    {
                        var w = m[f, c];
                        if (w == 0) continue;
                        for (var i = 0; i < inner; i++) next[(o * r + f) * inner + i] += w * current[(o * n + c) * inner + i];
                    }
                }
            }
            current = next;
            dims[axis] = r;
        }
        return current;
    }

    public static double MaxAbsDifference(double[,] a, double[,] b)
    {
        var worst = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++) worst = Math.Max(worst, Math.Abs(a[i, j] - b[i, j]));
        }
        return worst;
    }

    public static double MaxAbsDifference(double[] a, double[] b)
    {
        var worst = 0.0;
        for (var i = 0; i < a.Length; i++) worst = Math.Max(worst, Math.Abs(a[i] - b[i]));
        return worst;
    }
}
