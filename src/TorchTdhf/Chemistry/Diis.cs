namespace TorchTdhf.Chemistry;

/// <summary>
/// Pulay's direct inversion in the iterative subspace: keeps the last few (vector, error) pairs and returns
/// the combination Σ cᵢ vᵢ with Σ cᵢ = 1 that minimises |Σ cᵢ eᵢ|.
/// </summary>
/// <remarks>Vectors and errors are flat float64 arrays (for the SCF: a Fock matrix, AO, and FPS − SPF, orthonormal).</remarks>
public sealed class Diis
{
    private readonly int _capacity;
    private readonly List<(double[] Vector, double[] Error)> _history = new();

    /// <summary>Creates an empty history that holds at most <paramref name="capacity"/> pairs.</summary>
    /// <param name="capacity">Most pairs kept; the oldest is forgotten first. At least 1.</param>
    public Diis(int capacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "DIIS needs room for at least one vector");
        _capacity = capacity;
    }

    /// <summary>Number of pairs held.</summary>
    public int Count => _history.Count;

    /// <summary>Adds a pair (copied), forgetting the oldest when full.</summary>
    /// <param name="vector">The quantity to extrapolate, flat.</param>
    /// <param name="error">Its error vector, flat; zero at convergence.</param>
    public void Add(ReadOnlySpan<double> vector, ReadOnlySpan<double> error)
    {
        if (_history.Count > 0 && (vector.Length != _history[0].Vector.Length || error.Length != _history[0].Error.Length))
            throw new ArgumentException("all DIIS vectors and errors must keep their lengths");
        if (_history.Count == _capacity) _history.RemoveAt(0);
        _history.Add((vector.ToArray(), error.ToArray()));
    }

    /// <summary>The extrapolated vector; the newest vector itself while fewer than two are held.</summary>
    public double[] Extrapolate()
    {
        if (_history.Count == 0) throw new InvalidOperationException("DIIS has nothing to extrapolate from yet");
        // Nearly parallel errors make Pulay's matrix singular; the oldest ones carry least information, so drop them first.
        for (var first = 0; first < _history.Count - 1; first++)
        {
            var coefficients = SolvePulay(first);
            if (coefficients is null) continue;
            var result = new double[_history[0].Vector.Length];
            for (var i = 0; i < coefficients.Length; i++)
            {
                var v = _history[first + i].Vector;
                for (var k = 0; k < result.Length; k++) result[k] += coefficients[i] * v[k];
            }
            return result;
        }
        return (double[])_history[^1].Vector.Clone();
    }

    private double[]? SolvePulay(int first)
    {
        var m = _history.Count - first;
        var a = new double[m + 1, m + 1];
        var b = new double[m + 1];
        for (var i = 0; i < m; i++)
        for (var j = 0; j <= i; j++)
        {
            var dot = Dot(_history[first + i].Error, _history[first + j].Error);
            a[i, j] = dot;
            a[j, i] = dot;
        }
        // Scaling by the largest diagonal keeps the bordered system well balanced as errors shrink towards zero.
        var scale = 0.0;
        for (var i = 0; i < m; i++) scale = Math.Max(scale, a[i, i]);
        if (!(scale > 0) || double.IsInfinity(scale)) return null;
        for (var i = 0; i < m; i++)
        for (var j = 0; j < m; j++)
            a[i, j] /= scale;
        for (var i = 0; i < m; i++)
        {
            a[i, m] = -1;
            a[m, i] = -1;
        }
        b[m] = -1;
        var x = SolveGaussian(a, b);
        return x?[..m];
    }

    private static double Dot(double[] u, double[] v)
    {
        var sum = 0.0;
        for (var k = 0; k < u.Length; k++) sum += u[k] * v[k];
        return sum;
    }

    private static double[]? SolveGaussian(double[,] a, double[] b)
    {
        var n = b.Length;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col])) pivot = row;
            if (Math.Abs(a[pivot, col]) < 1e-14) return null;
            if (pivot != col)
            {
                for (var k = 0; k < n; k++) (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }
            for (var row = col + 1; row < n; row++)
            {
                var f = a[row, col] / a[col, col];
                if (f == 0) continue;
                for (var k = col; k < n; k++) a[row, k] -= f * a[col, k];
                b[row] -= f * b[col];
            }
        }
        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var k = row + 1; k < n; k++) sum -= a[row, k] * x[k];
            x[row] = sum / a[row, row];
        }
        return x.All(double.IsFinite) ? x : null;
    }
}
