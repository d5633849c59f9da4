namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// A pair of shells as the two-electron kernel sees it: oriented so that l_A ≥ l_B (the horizontal recurrence
/// moves angular momentum from A to B), with the Gaussian-product data of each primitive pair precomputed.
/// </summary>
internal sealed class EriShellPair
{
    /// <summary>Number of per-primitive fields in <see cref="Primitives"/>.</summary>
    public const int Fields = 9;

    /// <summary>Field numbers within <see cref="Primitives"/>.</summary>
    public const int Exponent = 0, Px = 1, Py = 2, Pz = 3, PAx = 4, PAy = 5, PAz = 6, Factor = 7, HalfInverseExponent = 8;

    // √2 π^{5/4}: the product of the bra's and the ket's copy gives the 2π^{5/2} of the primitive ERI prefactor
    // 2π^{5/2} / (p q √(p+q)) K_AB K_CD.
    private static readonly double HalfPrefactor = Math.Sqrt(2.0) * Math.Pow(Math.PI, 1.25);

    private EriShellPair(PreparedShell a, PreparedShell b, double[] primitives)
    {
        A = a;
        B = b;
        ABx = a.X - b.X;
        ABy = a.Y - b.Y;
        ABz = a.Z - b.Z;
        Primitives = primitives;
    }

    /// <summary>The shell carrying the larger angular momentum.</summary>
    public PreparedShell A { get; }

    /// <summary>The other shell.</summary>
    public PreparedShell B { get; }

    /// <summary>A − B, bohr.</summary>
    public double ABx { get; }

    /// <summary>A − B, bohr.</summary>
    public double ABy { get; }

    /// <summary>A − B, bohr.</summary>
    public double ABz { get; }

    /// <summary>
    /// Structure of arrays, field f of primitive pair k at f·<see cref="Stride"/> + k. Per primitive pair (a, b):
    /// p = a + b, P = (aA + bB)/p, P − A, the factor √2 π^{5/4} c_a c_b exp(−ab/p |AB|²) / p and 1/(2p). Entries
    /// from <see cref="PrimitiveCount"/> to <see cref="Stride"/> repeat the first primitive with a zero factor, so
    /// whole 4-wide vectors can be read and contribute nothing.
    /// </summary>
    public double[] Primitives { get; private set; }

    /// <summary>Number of primitive pairs kept.</summary>
    public int PrimitiveCount { get; private set; }

    /// <summary>Distance between fields in <see cref="Primitives"/>: the primitive count rounded up to a multiple of 4.</summary>
    public int Stride { get; private set; }

    /// <summary>Schwarz bound max_ab √(ab|ab) over the pair's AO functions.</summary>
    public double Bound { get; set; }

    /// <summary>AO functions on A times those on B.</summary>
    public int FunctionCount => A.FunctionCount * B.FunctionCount;

    /// <summary>Pairs the shells in both orders of angular momentum, primitives all kept.</summary>
    public static EriShellPair Create(PreparedShell first, PreparedShell second)
    {
        var (a, b) = first.L >= second.L ? (first, second) : (second, first);
        double abx = a.X - b.X, aby = a.Y - b.Y, abz = a.Z - b.Z;
        var ab2 = abx * abx + aby * aby + abz * abz;
        var n = a.Exponents.Length * b.Exponents.Length;
        var data = new double[n * Fields];
        var k = 0;
        for (var i = 0; i < a.Exponents.Length; i++)
        {
            for (var j = 0; j < b.Exponents.Length; j++, k++)
            {
                double ea = a.Exponents[i], eb = b.Exponents[j], p = ea + eb;
                double px = (ea * a.X + eb * b.X) / p, py = (ea * a.Y + eb * b.Y) / p, pz = (ea * a.Z + eb * b.Z) / p;
                data[Exponent * n + k] = p;
                data[Px * n + k] = px;
                data[Py * n + k] = py;
                data[Pz * n + k] = pz;
                data[PAx * n + k] = px - a.X;
                data[PAy * n + k] = py - a.Y;
                data[PAz * n + k] = pz - a.Z;
                data[Factor * n + k] = HalfPrefactor * a.Coefficients[i] * b.Coefficients[j] * Math.Exp(-ea * eb / p * ab2) / p;
                data[HalfInverseExponent * n + k] = 0.5 / p;
            }
        }
        var pair = new EriShellPair(a, b, data);
        pair.SetPrimitives(data, n);
        return pair;
    }

    /// <summary>A pair holding only primitive pair <paramref name="k"/>, for its own Schwarz bound.</summary>
    public EriShellPair Single(int k)
    {
        var data = new double[Fields];
        for (var field = 0; field < Fields; field++) data[field] = Primitives[field * Stride + k];
        var pair = new EriShellPair(A, B, data);
        pair.SetPrimitives(data, 1);
        return pair;
    }

    /// <summary>
    /// Bound q_k = max √(ab|ab) of each primitive pair's own charge distribution, in the order of
    /// <see cref="Primitives"/> (descending once <see cref="Screen"/> has run); +∞ before.
    /// </summary>
    public double[] PrimitiveBounds { get; private set; } = [];

    /// <summary>
    /// Keeps the primitive pairs whose bound is at least <paramref name="cutoff"/>, ordered by descending bound, so
    /// that the primitive loop can stop a bra primitive's ket run at the first negligible ket primitive.
    /// </summary>
    public void Screen(double[] bounds, double cutoff)
    {
        var n = PrimitiveCount;
        var order = Enumerable.Range(0, n).Where(k => bounds[k] >= cutoff).OrderByDescending(k => bounds[k]).ToArray();
        if (order.Length == 0) order = Enumerable.Range(0, n).OrderByDescending(k => bounds[k]).ToArray();
        var kept = order.Length;
        var data = new double[kept * Fields];
        for (var field = 0; field < Fields; field++)
        {
            for (var i = 0; i < kept; i++) data[field * kept + i] = Primitives[field * Stride + order[i]];
        }
        SetPrimitives(data, kept);
        PrimitiveBounds = order.Select(k => bounds[k]).ToArray();
    }

    // Stores compact [field][count] data in the padded layout.
    private void SetPrimitives(double[] compact, int count)
    {
        var stride = (count + 3) & ~3;
        // Four spare doubles at the end: the kernel copies runs with whole vectors and may read past the last field.
        var data = new double[Fields * stride + 4];
        for (var field = 0; field < Fields; field++)
        {
            Array.Copy(compact, field * count, data, field * stride, count);
            var pad = field == Factor ? 0.0 : compact[field * count];
            for (var k = count; k < stride; k++) data[field * stride + k] = pad;
        }
        Primitives = data;
        PrimitiveCount = count;
        Stride = stride;
        PrimitiveBounds = Enumerable.Repeat(double.PositiveInfinity, count).ToArray();
    }
}
