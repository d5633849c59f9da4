using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// The full two-electron tensor (mn|ls): unique shell quartets only (bra pair ≥ ket pair, each pair i ≥ j),
/// Schwarz-screened, computed in parallel over bra pairs.
/// </summary>
/// <remarks>
/// Shell pairs are numbered I(I+1)/2 + J (I ≥ J). The work item of pair P covers the quartets (P|K) with K ≤ P
/// and writes only the images whose bra is P (<see cref="EriRowWriter"/>), so each thread owns whole rows of the
/// tensor (viewed as an N² × N² matrix) and the rows stay in cache; <see cref="EriSymmetry"/> then mirrors the rows
/// across the diagonal. No locks, no shared writes.
/// </remarks>
internal static unsafe class ElectronRepulsionTensor
{
    public static EriResult Compute(AoBasis basis, PreparedShell[] shells, IntegralOptions options)
    {
        var clock = Stopwatch.StartNew();
        long n = basis.FunctionCount;
        if (n * n * n * n > Array.MaxLength)
            throw new TdhfInputException($"the ERI tensor of {n} functions needs {n * n * n * n} elements, more than one array can hold ({Array.MaxLength})", key: "basis");
        var pairs = new EriShellPair[shells.Length * (shells.Length + 1) / 2];
        for (int i = 0, k = 0; i < shells.Length; i++)
        {
            for (var j = 0; j <= i; j++) pairs[k++] = EriShellPair.Create(shells[i], shells[j]);
        }
        var classes = BuildClasses(pairs);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var screening = EriScreening.Apply(pairs, classes, options.SchwarzThreshold, parallel);

        var setup = clock.Elapsed;
        var eri = new double[n * n * n * n];
        long computed = 0, integrals = 0, primitiveQuartets = screening.PrimitiveQuartets;
        Parallel.For(0, pairs.Length, parallel, () => new EriThread(new EriWorker(classes.Used)), (index, _, thread) =>
        {
            // Late pairs meet the most kets: start with them so the last work items are short.
            var i = pairs.Length - 1 - index;
            if (pairs[i].Bound * screening.LargestBound >= screening.Threshold) RowsOf(i, pairs, classes, screening.Threshold, eri, n, thread);
            return thread;
        }, thread =>
        {
            Interlocked.Add(ref computed, thread.Quartets);
            Interlocked.Add(ref integrals, thread.Integrals);
            Interlocked.Add(ref primitiveQuartets, thread.Worker.PrimitiveQuartets);
        });
        var quartets = clock.Elapsed;
        EriSymmetry.FillTransposedPairs(eri, basis, parallel);
        var total = clock.Elapsed;

        long pairCount = pairs.Length;
        return new EriResult(eri, (int)n, pairCount * (pairCount + 1) / 2, computed, integrals, primitiveQuartets,
            new EriTimings(setup, quartets - setup, total - quartets));
    }

    // All quartets (P|K), K ≤ P, that pass the Schwarz test, written into the rows of P.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RowsOf(int i, EriShellPair[] pairs, QuartetClasses classes, double threshold, double[] eri, long n, EriThread thread)
    {
        var p = pairs[i];
        fixed (double* target = eri)
        {
            for (var j = 0; j <= i; j++)
            {
                var k = pairs[j];
                if (p.Bound * k.Bound < threshold) continue;
                var (bra, ket) = BraFirst(k.A.L, k.B.L, p.A.L, p.B.L) ? (k, p) : (p, k);
                var block = thread.Worker.Compute(classes.For(bra, ket), bra, ket, threshold);
                EriRowWriter.WriteRows(target, n, block, bra, ket, rowsAreBra: ReferenceEquals(bra, p));
                thread.Quartets++;
                thread.Integrals += bra.FunctionCount * ket.FunctionCount;
            }
        }
    }

    private sealed class EriThread(EriWorker worker)
    {
        public EriWorker Worker { get; } = worker;
        public long Quartets { get; set; }
        public long Integrals { get; set; }
    }

    // Whether a pair (l_a, l_b) goes in the bra against a pair (l_c, l_d): the larger total angular momentum does,
    // because the vertical recurrence builds the bra side for every m and the ket side only for what the bra needs;
    // ties go by l_a, so each unordered combination maps to one compiled class.
    private static bool BraFirst(int la, int lb, int lc, int ld) => la + lb > lc + ld || (la + lb == lc + ld && la > lc);

    private static QuartetClasses BuildClasses(EriShellPair[] pairs)
    {
        var kinds = pairs.Select(p => (p.A.L, p.B.L)).Distinct().ToArray();
        var classes = new QuartetClasses();
        foreach (var (la, lb) in kinds)
        {
            foreach (var (lc, ld) in kinds)
            {
                if (BraFirst(lc, ld, la, lb)) classes.Add(lc, ld, la, lb);
                else classes.Add(la, lb, lc, ld);
            }
        }
        return classes;
    }
}
