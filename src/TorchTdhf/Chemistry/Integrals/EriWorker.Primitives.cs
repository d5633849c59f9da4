using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// The primitive loop, vectorised over primitive quartets: a quartet's bra × ket primitive pairs are laid out in
/// lanes (structure of arrays, ket fastest), and each compiled recurrence step then runs as one short loop of
/// 4-wide vectors, so a step costs a branch per chunk of primitive quartets rather than per primitive quartet.
/// </summary>
internal sealed unsafe partial class EriWorker
{
    // Lane arrays, each _laneStride doubles: the bra pair's fields (numbered as in EriShellPair), the ket pair's,
    // then quantities of the primitive quartet.
    private const int Bra = 0, Ket = EriShellPair.Fields, RP = 2 * EriShellPair.Fields, RQ = RP + 1, HPQ = RP + 2, WPX = RP + 3, WQX = RP + 6,
        LaneArrays = RP + 9;
    private const int P = Bra + EriShellPair.Exponent, PAX = Bra + EriShellPair.PAx, HP = Bra + EriShellPair.HalfInverseExponent,
        Q = Ket + EriShellPair.Exponent, QCX = Ket + EriShellPair.PAx, HQ = Ket + EriShellPair.HalfInverseExponent;

    private double* Lane(int array) => _lane + array * _laneStride;

    // Fills chunks of lanes with runs (one bra primitive pair, consecutive ket primitive pairs) and processes
    // each full chunk. Both pairs list their primitive pairs by descending bound, so a bra primitive's run ends at
    // the first ket primitive with q_i q_j below the cutoff, and a bra primitive whose run is empty ends the loop.
    // Returns the number of primitive quartets computed.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Primitives(QuartetClass cls, EriShellPair bra, EriShellPair ket, double cutoff)
    {
        var contracted = cls.ContractedCount;
        for (var k = 0; k < contracted; k++) _acc[k] = 0.0;
        var chunk = cls.ChunkCapacity;
        var braBounds = bra.PrimitiveBounds;
        var ketBounds = ket.PrimitiveBounds;
        long computed = 0;
        var filled = 0;
        fixed (double* braData = bra.Primitives, ketData = ket.Primitives)
        {
            for (var i = 0; i < bra.PrimitiveCount; i++)
            {
                var ketEnd = ket.PrimitiveCount;
                var limit = cutoff / braBounds[i];
                while (ketEnd > 0 && ketBounds[ketEnd - 1] < limit) ketEnd--;
                if (ketEnd == 0) break;
                computed += ketEnd;
                for (var j = 0; j < ketEnd;)
                {
                    var run = Math.Min(ketEnd - j, chunk - filled);
                    Fill(cls, braData + i, bra.Stride, ketData + j, ket.Stride, filled, run);
                    filled += run;
                    j += run;
                    if (filled == chunk)
                    {
                        Process(cls, chunk, chunk);
                        filled = 0;
                    }
                }
            }
        }
        if (filled > 0)
        {
            var padded = (filled + 3) & ~3;
            Pad(cls, filled, padded);
            Process(cls, padded, chunk);
        }
        return computed;
    }

    private void Process(QuartetClass cls, int padded, int chunk)
    {
        Prepare(cls, padded, chunk);
        Recur(cls, padded, chunk);
        Contract(cls, padded, chunk);
    }

    // Lanes [t, t + run) get one bra primitive pair (broadcast) and a run of ket primitive pairs (copied), whole
    // vectors at a time: a run's overhang is overwritten by the next run, and pairs and lanes carry four spare
    // doubles for it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill(QuartetClass cls, double* bra, int braStride, double* ket, int ketStride, int t, int run)
    {
        foreach (var field in cls.KetFields)
        {
            var from = ket + field * ketStride;
            var to = Lane(Ket + field) + t;
            for (var u = 0; u < run; u += 4) Vector256.Load(from + u).Store(to + u);
        }
        foreach (var field in cls.BraFields)
        {
            var value = Vector256.Create(bra[field * braStride]);
            var to = Lane(Bra + field) + t;
            for (var u = 0; u < run; u += 4) value.Store(to + u);
        }
    }

    // Padding lanes get a zero prefactor, so every recurrence value there stays zero, and harmless exponents.
    private void Pad(QuartetClass cls, int count, int padded)
    {
        foreach (var field in cls.BraFields) Pad(Lane(Bra + field), field, count, padded);
        foreach (var field in cls.KetFields) Pad(Lane(Ket + field), field, count, padded);
    }

    private static void Pad(double* lane, int field, int count, int padded)
    {
        var value = field == EriShellPair.Exponent ? 1.0 : 0.0;
        for (var u = count; u < padded; u++) lane[u] = value;
    }

    // Quantities of each primitive quartet and the start of the recurrence, [00|00]^(m) = K F_m(T):
    // ρ = pq/(p+q), T = ρ|PQ|², K = K_AB K_CD / √(p+q), W − P = −ρ/p PQ, W − Q = ρ/q PQ.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Prepare(QuartetClass cls, int padded, int chunk)
    {
        var order = cls.Vertical.BoysOrder;
        double* p = Lane(P), q = Lane(Q), px = Lane(Bra + EriShellPair.Px), qx = Lane(Ket + EriShellPair.Px);
        double* kb = Lane(Bra + EriShellPair.Factor), kk = Lane(Ket + EriShellPair.Factor);
        double* rp = Lane(RP), rq = Lane(RQ), hpq = Lane(HPQ);
        double* wpx = Lane(WPX), wqx = Lane(WQX);
        var boys = _lane + LaneArrays * _laneStride;
        var one = Vector256.Create(1.0);
        var s = _laneStride;
        for (var t = 0; t < padded; t += 4)
        {
            var vp = Vector256.Load(p + t);
            var vq = Vector256.Load(q + t);
            var inverse = one / (vp + vq);
            var rhoOverP = vq * inverse;
            var rhoOverQ = vp * inverse;
            var x = Vector256.Load(px + t) - Vector256.Load(qx + t);
            var y = Vector256.Load(px + s + t) - Vector256.Load(qx + s + t);
            var z = Vector256.Load(px + 2 * s + t) - Vector256.Load(qx + 2 * s + t);
            if (cls.BraUsesHalfInverse) rhoOverP.Store(rp + t);
            if (cls.KetUsesHalfInverse) rhoOverQ.Store(rq + t);
            if (cls.UsesCrossTerm) (inverse * 0.5).Store(hpq + t);
            if (cls.BraUsesPairDistance)
            {
                (-rhoOverP * x).Store(wpx + t);
                (-rhoOverP * y).Store(wpx + s + t);
                (-rhoOverP * z).Store(wpx + 2 * s + t);
            }
            if (cls.KetUsesPairDistance)
            {
                (rhoOverQ * x).Store(wqx + t);
                (rhoOverQ * y).Store(wqx + s + t);
                (rhoOverQ * z).Store(wqx + 2 * s + t);
            }
            var prefactor = Vector256.Load(kb + t) * Vector256.Load(kk + t) * Vector256.Sqrt(inverse);
            _boysFunction.Evaluate(vp * rhoOverP * (x * x + y * y + z * z), order, boys);
            for (var m = 0; m <= order; m++) (prefactor * Vector256.Load(boys + 4 * m)).Store(_v + m * chunk + t);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Recur(QuartetClass cls, int padded, int chunk)
    {
        var vertical = cls.Vertical;
        double* v = _v, rp = Lane(RP), rq = Lane(RQ), hp = Lane(HP), hq = Lane(HQ), hpq = Lane(HPQ);
        fixed (BraStep* braFirst = vertical.BraSteps)
        {
            var end = braFirst + vertical.BraSteps.Length;
            for (var s = braFirst; s < end; s++)
            {
                double* c1 = Lane(PAX + s->Direction), c2 = Lane(WPX + s->Direction);
                var d = v + s->Target * chunk;
                var s1 = v + s->Source1 * chunk;
                var n = s->Count;
                if (s->Source2 < 0)
                {
                    for (var m = 0; m < n; m++, d += chunk, s1 += chunk)
                    {
                        for (var t = 0; t < padded; t += 4)
                        {
                            (Vector256.Load(c1 + t) * Vector256.Load(s1 + t) + Vector256.Load(c2 + t) * Vector256.Load(s1 + chunk + t)).Store(d + t);
                        }
                    }
                }
                else
                {
                    var s2 = v + s->Source2 * chunk;
                    var factor = s->Factor;
                    for (var m = 0; m < n; m++, d += chunk, s1 += chunk, s2 += chunk)
                    {
                        for (var t = 0; t < padded; t += 4)
                        {
                            var value = Vector256.Load(c1 + t) * Vector256.Load(s1 + t) + Vector256.Load(c2 + t) * Vector256.Load(s1 + chunk + t)
                                + factor * Vector256.Load(hp + t) * (Vector256.Load(s2 + t) - Vector256.Load(rp + t) * Vector256.Load(s2 + chunk + t));
                            value.Store(d + t);
                        }
                    }
                }
            }
        }
        fixed (KetStep* ketFirst = vertical.KetSteps)
        {
            var end = ketFirst + vertical.KetSteps.Length;
            for (var s = ketFirst; s < end; s++)
            {
                double* c1 = Lane(QCX + s->Direction), c2 = Lane(WQX + s->Direction);
                var d = v + s->Target * chunk;
                var s1 = v + s->Source1 * chunk;
                var n = s->Count;
                for (var m = 0; m < n; m++)
                {
                    var dm = d + m * chunk;
                    var a = s1 + m * chunk;
                    for (var t = 0; t < padded; t += 4)
                    {
                        (Vector256.Load(c1 + t) * Vector256.Load(a + t) + Vector256.Load(c2 + t) * Vector256.Load(a + chunk + t)).Store(dm + t);
                    }
                }
                if (s->Source2 >= 0)
                {
                    var s2 = v + s->Source2 * chunk;
                    var factor = s->Factor;
                    for (var m = 0; m < n; m++)
                    {
                        var dm = d + m * chunk;
                        var a = s2 + m * chunk;
                        for (var t = 0; t < padded; t += 4)
                        {
                            var value = Vector256.Load(dm + t) + factor * Vector256.Load(hq + t) * (Vector256.Load(a + t) - Vector256.Load(rq + t) * Vector256.Load(a + chunk + t));
                            value.Store(dm + t);
                        }
                    }
                }
                if (s->Source3 >= 0)
                {
                    var s3 = v + s->Source3 * chunk;
                    var factor = s->CrossFactor;
                    for (var m = 0; m < n; m++)
                    {
                        var dm = d + m * chunk;
                        var a = s3 + (m + 1) * chunk;
                        for (var t = 0; t < padded; t += 4)
                        {
                            (Vector256.Load(dm + t) + factor * Vector256.Load(hpq + t) * Vector256.Load(a + t)).Store(dm + t);
                        }
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Contract(QuartetClass cls, int padded, int chunk)
    {
        var contracted = cls.ContractedCount;
        fixed (int* source = cls.Source)
        {
            for (var k = 0; k < contracted; k++)
            {
                var a = _v + source[k] * chunk;
                var sum = Vector256.Load(a);
                for (var t = 4; t < padded; t += 4) sum += Vector256.Load(a + t);
                _acc[k] += Vector256.Sum(sum);
            }
        }
    }
}
