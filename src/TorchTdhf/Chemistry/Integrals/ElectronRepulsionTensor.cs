using System.Diagnostics;

namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// The full two-electron tensor (mn|ls): unique shell quartets only (bra pair ≥ ket pair, each pair i ≥ j),
/// Schwarz-screened, computed in parallel over bra pairs and written to all eight symmetric places.
/// </summary>
/// <remarks>
/// Shell pairs are numbered I(I+1)/2 + J (I ≥ J). The work item of pair P covers the quartets (P|K) with K ≤ P
/// and writes only the four images whose bra is P, so each thread owns whole rows of the tensor (viewed as an
/// N² × N² matrix) and the rows stay in cache; <see cref="EriSymmetry"/> then mirrors the rows across the
/// diagonal. No locks, no shared writes.
/// </remarks>
internal static unsafe class ElectronRepulsionTensor
{
    // Primitive pairs are dropped at this fraction of the quartet threshold: even the few dozen a pair may lose
    // together stay far below it.
    private const double PrimitiveFraction = 0.01;

    public static EriResult Compute(AoBasis basis, IntegralOptions options)
    {
        var clock = Stopwatch.StartNew();
        long n = basis.FunctionCount;
        if (n * n * n * n > Array.MaxLength)
            throw new TdhfInputException($"the ERI tensor of {n} functions needs {n * n * n * n} elements, more than one array can hold ({Array.MaxLength})", key: "basis");
        var shells = PreparedShell.All(basis);
        var pairs = new List<EriShellPair>(shells.Length * (shells.Length + 1) / 2);
        for (var i = 0; i < shells.Length; i++)
        {
            for (var j = 0; j <= i; j++) pairs.Add(EriShellPair.Create(shells[i], shells[j]));
        }
        var classes = BuildClasses(pairs);
        var usedClasses = classes.Where(c => c is not null).Select(c => c!).ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        long primitiveQuartets = 0;

        var primitiveBounds = new double[pairs.Count][];
        Parallel.For(0, pairs.Count, parallel, () => new EriWorker(usedClasses), (i, _, worker) =>
        {
            var pair = pairs[i];
            var cls = classes[Key(pair, pair)]!;
            var count = pair.PrimitiveCount;
            pair.Bound = DiagonalBound(worker.Compute(cls, pair, pair), pair.FunctionCount);
            var bounds = new double[count];
            for (var k = 0; k < count; k++)
            {
                var single = pair.Single(k);
                bounds[k] = DiagonalBound(worker.Compute(cls, single, single), pair.FunctionCount);
            }
            primitiveBounds[i] = bounds;
            return worker;
        }, worker => Interlocked.Add(ref primitiveQuartets, worker.PrimitiveQuartets));

        var threshold = options.SchwarzThreshold;
        var maxBound = pairs.Count == 0 ? 0.0 : pairs.Max(p => p.Bound);
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var keep = new bool[pair.PrimitiveCount];
            for (var k = 0; k < keep.Length; k++) keep[k] = primitiveBounds[i][k] * maxBound >= PrimitiveFraction * threshold;
            pair.KeepPrimitives(keep);
        }

        var eri = new double[n * n * n * n];
        long computed = 0, integrals = 0;
        Parallel.For(0, pairs.Count, parallel, () => new EriThread(new EriWorker(usedClasses)), (index, _, thread) =>
        {
            // Late pairs meet the most kets: start with them so the last work items are short.
            var i = pairs.Count - 1 - index;
            var p = pairs[i];
            if (p.Bound * maxBound < threshold) return thread;
            fixed (double* target = eri)
            {
                for (var j = 0; j <= i; j++)
                {
                    var k = pairs[j];
                    if (p.Bound * k.Bound < threshold) continue;
                    var (bra, ket) = Orient(p, k);
                    var block = thread.Worker.Compute(classes[Key(bra, ket)]!, bra, ket);
                    WriteRows(target, n, block, bra, ket, rowsAreBra: ReferenceEquals(bra, p));
                    thread.Quartets++;
                    thread.Integrals += bra.FunctionCount * ket.FunctionCount;
                }
            }
            return thread;
        }, thread =>
        {
            Interlocked.Add(ref computed, thread.Quartets);
            Interlocked.Add(ref integrals, thread.Integrals);
            Interlocked.Add(ref primitiveQuartets, thread.Worker.PrimitiveQuartets);
        });
        EriSymmetry.FillTransposedPairs(eri, basis, parallel);

        long pairCount = pairs.Count;
        return new EriResult(eri, (int)n, pairCount * (pairCount + 1) / 2, computed, integrals, primitiveQuartets, clock.Elapsed);
    }

    private sealed class EriThread(EriWorker worker)
    {
        public EriWorker Worker { get; } = worker;
        public long Quartets { get; set; }
        public long Integrals { get; set; }
    }

    // The bra takes the larger total angular momentum: the vertical recurrence builds the bra side first, for
    // every m, and the ket side only for what the bra needs.
    private static (EriShellPair Bra, EriShellPair Ket) Orient(EriShellPair x, EriShellPair y)
    {
        int sx = x.A.L + x.B.L, sy = y.A.L + y.B.L;
        return sy > sx || (sy == sx && y.A.L > x.A.L) ? (y, x) : (x, y);
    }

    private static int Key(EriShellPair bra, EriShellPair ket) => QuartetClass.Key(bra.A.L, bra.B.L, ket.A.L, ket.B.L);

    private static QuartetClass?[] BuildClasses(List<EriShellPair> pairs)
    {
        var kinds = pairs.Select(p => (p.A.L, p.B.L)).Distinct().ToArray();
        var classes = new QuartetClass?[4 * 4 * 4 * 4];
        foreach (var (la, lb) in kinds)
        {
            foreach (var (lc, ld) in kinds) classes[QuartetClass.Key(la, lb, lc, ld)] = new QuartetClass(la, lb, lc, ld);
        }
        return classes;
    }

    private static double DiagonalBound(double* block, int pairFunctions)
    {
        var max = 0.0;
        for (var i = 0; i < pairFunctions; i++) max = Math.Max(max, block[i * pairFunctions + i]);
        return Math.Sqrt(max);
    }

    // Writes (ab|cd), (ba|cd), (ab|dc), (ba|dc) when the bra is the row pair, else the four with bra and ket
    // swapped: all in the rows of the outer loop's pair, which stay in cache while its kets are processed. Where
    // a block holds an integral twice (a shell paired with itself, a pair with itself) only the copy with
    // a ≥ b, c ≥ d, ab ≥ cd is used, so the tensor is exactly symmetric rather than to rounding.
    private static void WriteRows(double* eri, long n, double* block, EriShellPair bra, EriShellPair ket, bool rowsAreBra)
    {
        int na = bra.A.FunctionCount, nb = bra.B.FunctionCount, nc = ket.A.FunctionCount, nd = ket.B.FunctionCount;
        long fa = bra.A.FirstFunction, fb = bra.B.FirstFunction, fc = ket.A.FirstFunction, fd = ket.B.FirstFunction;
        bool sameBra = ReferenceEquals(bra.A, bra.B), sameKet = ReferenceEquals(ket.A, ket.B), samePair = ReferenceEquals(bra, ket);
        var n2 = n * n;
        for (var a = 0; a < na; a++)
        {
            var ma = fa + a;
            for (var b = 0; b < (sameBra ? a + 1 : nb); b++)
            {
                var mb = fb + b;
                long ab = ma * n + mb, ba = mb * n + ma;
                var row = block + (a * nb + b) * nc * nd;
                for (var c = 0; c < nc; c++)
                {
                    var mc = fc + c;
                    for (var d = 0; d < (sameKet ? c + 1 : nd); d++)
                    {
                        if (samePair && c * nd + d > a * nb + b) break;
                        var md = fd + d;
                        var v = row[c * nd + d];
                        long cd = mc * n + md, dc = md * n + mc;
                        if (rowsAreBra || samePair)
                        {
                            eri[ab * n2 + cd] = v;
                            eri[ba * n2 + cd] = v;
                            eri[ab * n2 + dc] = v;
                            eri[ba * n2 + dc] = v;
                        }
                        if (!rowsAreBra || samePair)
                        {
                            eri[cd * n2 + ab] = v;
                            eri[dc * n2 + ab] = v;
                            eri[cd * n2 + ba] = v;
                            eri[dc * n2 + ba] = v;
                        }
                    }
                }
            }
        }
    }
}
