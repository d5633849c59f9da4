using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// The Boys function F_m(T) = ∫₀¹ t^{2m} exp(−T t²) dt for orders m ≤ <see cref="MaxOrder"/>, to a relative
/// accuracy of about 1e−15.
/// </summary>
/// <remarks>
/// <para>Below T = 36 the highest requested order comes from a seven-term Taylor expansion about the nearest
/// point of a grid of spacing 1/20 (remainder below δ⁷/7! ≈ 1.2e−15 for |δ| ≤ 1/40) and the lower orders from
/// the downward recursion F_m = (2T F_{m+1} + e^{−T}) / (2m+1), which adds positive terms and so cannot lose
/// accuracy. Above, erf(√T) = 1 to double precision, so F_0 = ½√(π/T), and the upward recursion is stable
/// because 2T exceeds every 2m+1 it meets.</para>
/// <para>The tables are immutable after construction and live on the pinned heap, so the hot paths read them
/// through pointers held in instance fields: no static-base lookups or pinning per call.</para>
/// </remarks>
internal sealed unsafe class BoysFunction
{
    /// <summary>Highest order supported: (ff|ff) needs 4·3.</summary>
    public const int MaxOrder = 12;

    private const int TaylorTerms = 7;
    private const int Columns = MaxOrder + TaylorTerms;
    private const double InverseStep = 20.0;
    private const double Step = 1.0 / InverseStep;
    private const double AsymptoticStart = 36.0;
    private const int GridPoints = 721;

    /// <summary>The one set of tables, built on first use.</summary>
    public static BoysFunction Shared { get; } = new();

    // F_n(k/20) for n = 0..18 (row k), e^{−k/20} and 1/(2m+1). Kept referenced so the pointers stay valid.
    private readonly double[] _values, _exps, _inverseOdd;
    private readonly double* _table, _expTable, _inverseOddTable;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private BoysFunction()
    {
        _values = GC.AllocateArray<double>(GridPoints * Columns, pinned: true);
        _exps = GC.AllocateArray<double>(GridPoints, pinned: true);
        _inverseOdd = GC.AllocateArray<double>(Columns + 1, pinned: true);
        for (var m = 0; m <= Columns; m++) _inverseOdd[m] = 1.0 / (2 * m + 1);
        // e^{T_k} by repeated multiplication with e^{1/20}: 720 roundings at 28 digits stay far below double precision.
        var expStep = ExpDecimal(1m / 20);
        var expPositive = 1m;
        for (var k = 0; k < GridPoints; k++, expPositive *= expStep)
        {
            var t = k * Step;
            var expT = 1.0 / (double)expPositive;
            _exps[k] = expT;
            var row = k * Columns;
            var top = Columns - 1;
            _values[row + top] = Series(top, k / 10m) / (double)expPositive;
            for (var m = top - 1; m >= 0; m--) _values[row + m] = (2 * t * _values[row + m + 1] + expT) * _inverseOdd[m];
        }
        _table = (double*)Unsafe.AsPointer(ref _values[0]);
        _expTable = (double*)Unsafe.AsPointer(ref _exps[0]);
        _inverseOddTable = (double*)Unsafe.AsPointer(ref _inverseOdd[0]);
    }

    /// <summary>Writes F_0(t) … F_mMax(t) to <paramref name="f"/>[0..mMax].</summary>
    public void Evaluate(double t, int mMax, Span<double> f)
    {
        fixed (double* p = f) Evaluate(t, mMax, p);
    }

    /// <summary>Writes F_0(t) … F_mMax(t) to f[0..mMax]; t ≥ 0, mMax ≤ <see cref="MaxOrder"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Evaluate(double t, int mMax, double* f)
    {
        if (t < AsymptoticStart)
        {
            var k = (int)(t * InverseStep + 0.5);
            var d = k * Step - t;
            var row = _table + k * Columns + mMax;
            // Horner form of Σ_j F_{m+j}(T_k) d^j / j! with d = T_k − t.
            var acc = row[6];
            acc = row[5] + acc * d * (1.0 / 6);
            acc = row[4] + acc * d * (1.0 / 5);
            acc = row[3] + acc * d * (1.0 / 4);
            acc = row[2] + acc * d * (1.0 / 3);
            acc = row[1] + acc * d * (1.0 / 2);
            f[mMax] = row[0] + acc * d;
            if (mMax == 0) return;
            var e = 1.0 + d * (1.0 + d * (1.0 / 2 + d * (1.0 / 6 + d * (1.0 / 24 + d * (1.0 / 120 + d * (1.0 / 720))))));
            var expT = _expTable[k] * e;
            var twoT = 2.0 * t;
            for (var m = mMax - 1; m >= 0; m--) f[m] = (twoT * f[m + 1] + expT) * _inverseOddTable[m];
        }
        else
        {
            f[0] = 0.5 * Math.Sqrt(Math.PI / t);
            if (mMax == 0) return;
            var expT = Math.Exp(-t);
            var halfInvT = 0.5 / t;
            for (var m = 0; m < mMax; m++) f[m + 1] = ((2 * m + 1) * f[m] - expT) * halfInvT;
        }
    }

    /// <summary>Four arguments at once: writes F_m(t_lane) to <paramref name="f"/>[4m + lane] for m ≤ mMax.</summary>
    public void Evaluate(Vector256<double> t, int mMax, Span<double> f)
    {
        if (f.Length < 4 * (mMax + 1)) throw new ArgumentException($"need room for {4 * (mMax + 1)} values", nameof(f));
        fixed (double* p = f) Evaluate(t, mMax, p);
    }

    /// <summary>
    /// Four arguments at once: writes F_m(t_lane) to f[4m + lane] for m ≤ mMax. Same method and accuracy as the
    /// scalar form; lanes past the grid are recomputed by the asymptotic branch and blended in.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Evaluate(Vector256<double> t, int mMax, double* f)
    {
        var onGrid = Vector256.LessThan(t, Vector256.Create(AsymptoticStart));
        if (onGrid == Vector256<double>.Zero)
        {
            OffGrid(t, onGrid, mMax, f);
            return;
        }
        // Clamping keeps every lane's table index valid; off-grid lanes are overwritten below.
        var tc = Vector256.Min(t, Vector256.Create(AsymptoticStart));
        var kf = Vector256.Floor(tc * InverseStep + Vector256.Create(0.5));
        var d = kf * Step - tc;
        var k = ToInt32(kf);
        var index = k * Columns + Vector128.Create(mMax);
        var acc = Gather(_table, index + Vector128.Create(6));
        acc = Gather(_table, index + Vector128.Create(5)) + acc * d * (1.0 / 6);
        acc = Gather(_table, index + Vector128.Create(4)) + acc * d * (1.0 / 5);
        acc = Gather(_table, index + Vector128.Create(3)) + acc * d * (1.0 / 4);
        acc = Gather(_table, index + Vector128.Create(2)) + acc * d * (1.0 / 3);
        acc = Gather(_table, index + Vector128.Create(1)) + acc * d * (1.0 / 2);
        var top = Gather(_table, index) + acc * d;
        top.Store(f + 4 * mMax);
        if (mMax > 0)
        {
            var e = Vector256.Create(1.0) + d * (Vector256.Create(1.0) + d * (Vector256.Create(1.0 / 2) + d * (Vector256.Create(1.0 / 6)
                + d * (Vector256.Create(1.0 / 24) + d * (Vector256.Create(1.0 / 120) + d * (1.0 / 720))))));
            var expT = Gather(_expTable, k) * e;
            var twoT = tc + tc;
            var next = top;
            for (var m = mMax - 1; m >= 0; m--)
            {
                next = (twoT * next + expT) * _inverseOddTable[m];
                next.Store(f + 4 * m);
            }
        }
        if (onGrid == Vector256<double>.AllBitsSet) return;
        OffGrid(t, onGrid, mMax, f);
    }

    // The asymptotic branch for the lanes not in onGrid (all lanes when it is zero: nothing to blend). Once
    // T > 40 + 3 mMax, e^{−T} is below 1e−17 of every term it corrects and is left out.
    private static void OffGrid(Vector256<double> t, Vector256<double> onGrid, int mMax, double* f)
    {
        var value = Vector256.Create(0.5) * Vector256.Sqrt(Vector256.Create(Math.PI) / t);
        Vector256.ConditionalSelect(onGrid, Vector256.Load(f), value).Store(f);
        if (mMax == 0) return;
        var negligible = Vector256.GreaterThanAll(t, Vector256.Create(40.0 + 3 * mMax));
        var expNegT = negligible ? Vector256<double>.Zero : ExpNegative(t);
        var halfInvT = Vector256.Create(0.5) / t;
        for (var m = 0; m < mMax; m++)
        {
            value = (value * (2 * m + 1) - expNegT) * halfInvT;
            Vector256.ConditionalSelect(onGrid, Vector256.Load(f + 4 * (m + 1)), value).Store(f + 4 * (m + 1));
        }
    }

    // e^{−t} for t ≥ 0 as 2^k e^r, k = round(−t/ln 2), |r| ≤ ln 2 / 2, e^r by its Taylor series to r¹² (remainder
    // below 2e−16). Beyond t = 700 the result only has to be negligible, which e^{−700} is.
    private static Vector256<double> ExpNegative(Vector256<double> t)
    {
        const double ln2High = 0.693147180369123816490, ln2Low = 1.90821492927058770002e-10, magic = 6755399441055744.0;
        var x = -Vector256.Min(t, Vector256.Create(700.0));
        var k = Vector256.Floor(x * (1.0 / Math.Log(2.0)) + Vector256.Create(0.5));
        var r = x - k * ln2High - k * ln2Low;
        var p = Vector256.Create(1.0 / 479001600);
        p = p * r + Vector256.Create(1.0 / 39916800);
        p = p * r + Vector256.Create(1.0 / 3628800);
        p = p * r + Vector256.Create(1.0 / 362880);
        p = p * r + Vector256.Create(1.0 / 40320);
        p = p * r + Vector256.Create(1.0 / 5040);
        p = p * r + Vector256.Create(1.0 / 720);
        p = p * r + Vector256.Create(1.0 / 120);
        p = p * r + Vector256.Create(1.0 / 24);
        p = p * r + Vector256.Create(1.0 / 6);
        p = p * r + Vector256.Create(0.5);
        p = p * r + Vector256.Create(1.0);
        p = p * r + Vector256.Create(1.0);
        // (k + 1.5·2⁵²) holds k in its low mantissa bits; moving k + 1023 into the exponent field gives 2^k.
        var integer = (k + Vector256.Create(magic)).AsInt64() - Vector256.Create(magic).AsInt64();
        var scale = Vector256.ShiftLeft(integer + Vector256.Create(1023L), 52).AsDouble();
        return p * scale;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> ToInt32(Vector256<double> x) =>
        Avx.IsSupported
            ? Avx.ConvertToVector128Int32WithTruncation(x)
            : Vector128.Create((int)x.GetElement(0), (int)x.GetElement(1), (int)x.GetElement(2), (int)x.GetElement(3));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Gather(double* table, Vector128<int> index) =>
        Avx2.IsSupported
            ? Avx2.GatherVector256(table, index, 8)
            : Vector256.Create(table[index.GetElement(0)], table[index.GetElement(1)], table[index.GetElement(2)], table[index.GetElement(3)]);

    // e^t by its Taylor series in decimal (28 digits).
    private static decimal ExpDecimal(decimal t)
    {
        decimal sum = 1m, term = 1m;
        for (var i = 1; term > 1e-27m; i++)
        {
            term = term * t / i;
            sum += term;
        }
        return sum;
    }

    // F_n(T) e^{T} = Σ_i (2T)^i / ((2n+1)(2n+3)…(2n+2i+1)): all terms positive, summed in decimal until they fall
    // below 1e−20 of the sum, so the table contributes no error visible in double precision.
    private static double Series(int n, decimal twoT)
    {
        var term = 1m / (2 * n + 1);
        var sum = term;
        for (var i = 1; term > sum * 1e-20m; i++)
        {
            term = term * twoT / (2 * n + 2 * i + 1);
            sum += term;
        }
        return (double)sum;
    }
}
