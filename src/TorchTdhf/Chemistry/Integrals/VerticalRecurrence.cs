namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// Step of the bra build: V[Target+m] = PAᵢ V[Source1+m] + WPᵢ V[Source1+m+1]
/// + Factor/(2p) (V[Source2+m] − ρ/p V[Source2+m+1]) for m &lt; Count (no last term when Source2 &lt; 0).
/// </summary>
internal readonly record struct BraStep(int Target, int Source1, int Source2, int Direction, int Count, double Factor);

/// <summary>
/// Step of the ket build: V[Target+m] = QCᵢ V[Source1+m] + WQᵢ V[Source1+m+1]
/// + Factor/(2q) (V[Source2+m] − ρ/q V[Source2+m+1]) + CrossFactor/(2(p+q)) V[Source3+m+1] for m &lt; Count
/// (terms with a negative source are absent).
/// </summary>
internal readonly record struct KetStep(int Target, int Source1, int Source2, int Source3, int Direction, int Count, double Factor, double CrossFactor);

/// <summary>
/// The Obara–Saika / Head-Gordon–Pople vertical recurrence for one class of primitive quartets
/// [e0|f0]^(m), l_a ≤ |e| ≤ l_a + l_b and l_c ≤ |f| ≤ l_c + l_d, compiled into step lists.
/// </summary>
/// <remarks>
/// Every block (e, f) of auxiliary orders m = 0 … top(e, f) is stored contiguously in one buffer V. The
/// compilation walks backwards from the wanted m = 0 blocks and keeps only what they depend on, so the
/// primitive loop does no bookkeeping and computes nothing it throws away; [00|00]^(m) (block 0) holds
/// F_m(T) times the quartet prefactor for m ≤ <see cref="BoysOrder"/>.
/// </remarks>
internal sealed class VerticalRecurrence
{
    /// <param name="la">Lowest bra degree wanted.</param>
    /// <param name="eMax">Highest bra degree (l_a + l_b).</param>
    /// <param name="lc">Lowest ket degree wanted.</param>
    /// <param name="fMax">Highest ket degree (l_c + l_d).</param>
    public VerticalRecurrence(int la, int eMax, int lc, int fMax)
    {
        var nE = CartesianIndex.Offset(eMax + 1);
        var nF = CartesianIndex.Offset(fMax + 1);
        var top = new int[nE * nF];
        Array.Fill(top, -1);
        for (var e = CartesianIndex.Offset(la); e < nE; e++)
        {
            for (var f = CartesianIndex.Offset(lc); f < nF; f++) top[e * nF + f] = 0;
        }
        void Need(int e, int f, int m) => top[e * nF + f] = Math.Max(top[e * nF + f], m);

        for (var f = nF - 1; f >= 1; f--)
        {
            var dir = Direction(f);
            var f1 = CartesianIndex.Lower[3 * f + dir];
            var f2 = CartesianIndex.Lower[3 * f1 + dir];
            for (var e = 0; e < nE; e++)
            {
                var t = top[e * nF + f];
                if (t < 0) continue;
                Need(e, f1, t + 1);
                if (f2 >= 0) Need(e, f2, t + 1);
                var e1 = CartesianIndex.Lower[3 * e + dir];
                if (e1 >= 0) Need(e1, f1, t + 1);
            }
        }
        for (var e = nE - 1; e >= 1; e--)
        {
            var t = top[e * nF];
            if (t < 0) continue;
            var dir = Direction(e);
            var e1 = CartesianIndex.Lower[3 * e + dir];
            var e2 = CartesianIndex.Lower[3 * e1 + dir];
            Need(e1, 0, t + 1);
            if (e2 >= 0) Need(e2, 0, t + 1);
        }

        // Blocks in dependency order: (0,0), then (e,0) by rising e, then (e,f) by rising f.
        var offset = new int[nE * nF];
        var size = 0;
        for (var f = 0; f < nF; f++)
        {
            for (var e = 0; e < nE; e++)
            {
                var t = top[e * nF + f];
                offset[e * nF + f] = t < 0 ? -1 : size;
                if (t >= 0) size += t + 1;
            }
        }
        BoysOrder = top[0];
        BufferSize = size;

        var braSteps = new List<BraStep>();
        for (var e = 1; e < nE; e++)
        {
            var t = top[e * nF];
            if (t < 0) continue;
            var dir = Direction(e);
            var e1 = CartesianIndex.Lower[3 * e + dir];
            var e2 = CartesianIndex.Lower[3 * e1 + dir];
            braSteps.Add(new BraStep(offset[e * nF], offset[e1 * nF], e2 >= 0 ? offset[e2 * nF] : -1, dir, t + 1, CartesianIndex.Power(e1, dir)));
        }
        var ketSteps = new List<KetStep>();
        for (var f = 1; f < nF; f++)
        {
            var dir = Direction(f);
            var f1 = CartesianIndex.Lower[3 * f + dir];
            var f2 = CartesianIndex.Lower[3 * f1 + dir];
            for (var e = 0; e < nE; e++)
            {
                var t = top[e * nF + f];
                if (t < 0) continue;
                var e1 = CartesianIndex.Lower[3 * e + dir];
                ketSteps.Add(new KetStep(offset[e * nF + f], offset[e * nF + f1], f2 >= 0 ? offset[e * nF + f2] : -1,
                    e1 >= 0 ? offset[e1 * nF + f1] : -1, dir, t + 1, CartesianIndex.Power(f1, dir), CartesianIndex.Power(e, dir)));
            }
        }
        BraSteps = braSteps.ToArray();
        KetSteps = ketSteps.ToArray();
        _offset = offset;
        _nF = nF;
    }

    private readonly int[] _offset;
    private readonly int _nF;

    /// <summary>Highest Boys order the class needs.</summary>
    public int BoysOrder { get; }

    /// <summary>Doubles of scratch the buffer V needs.</summary>
    public int BufferSize { get; }

    /// <summary>Bra-side steps, in execution order.</summary>
    public BraStep[] BraSteps { get; }

    /// <summary>Ket-side steps, in execution order.</summary>
    public KetStep[] KetSteps { get; }

    /// <summary>Position in V of [e0|f0]^(0), for combined Cartesian indices e and f inside the wanted ranges.</summary>
    public int Offset(int e, int f) => _offset[e * _nF + f];

    // Lowering along the smallest non-zero power avoids the second-order term whenever a power is 1.
    private static int Direction(int c)
    {
        var best = -1;
        for (var dir = 0; dir < 3; dir++)
        {
            var p = CartesianIndex.Power(c, dir);
            if (p > 0 && (best < 0 || p < CartesianIndex.Power(c, best))) best = dir;
        }
        return best;
    }
}
