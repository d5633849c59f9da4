namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// Schwarz bounds Q_P = max √(ab|ab) for every shell pair, computed with the ERI kernel itself, and the dropping of
/// primitive pairs that cannot matter.
/// </summary>
/// <remarks>
/// |(ab|cd)| ≤ Q_P Q_K, so a quartet with Q_P Q_K below the threshold is left zero. The same inequality holds for
/// the charge distribution of one primitive pair k of P: its share of any (ab|cd) is at most q_k Q_K ≤ q_k max Q.
/// Primitive pairs with q_k max Q below 1 % of the threshold are therefore removed from P before the quartet loop,
/// and the rest sorted by q_k so that the kernel can skip primitive quartets with q_i q_j below the threshold
/// divided by their number (<see cref="EriWorker"/>): either way no integral moves by more than the threshold.
/// </remarks>
internal sealed class EriScreening
{
    private const double PrimitiveFraction = 0.01;

    private EriScreening(double threshold, double largestBound, long primitiveQuartets)
    {
        Threshold = threshold;
        LargestBound = largestBound;
        PrimitiveQuartets = primitiveQuartets;
    }

    /// <summary>The quartet threshold on Q_P Q_K.</summary>
    public double Threshold { get; }

    /// <summary>max_P Q_P.</summary>
    public double LargestBound { get; }

    /// <summary>Primitive quartets spent on the bounds.</summary>
    public long PrimitiveQuartets { get; }

    /// <summary>Sets <see cref="EriShellPair.Bound"/> of every pair and drops its negligible primitive pairs.</summary>
    public static EriScreening Apply(EriShellPair[] pairs, QuartetClasses classes, double threshold, ParallelOptions parallel)
    {
        long primitiveQuartets = 0;
        var primitiveBounds = new double[pairs.Length][];
        Parallel.For(0, pairs.Length, parallel, () => new EriWorker(classes.Used), (i, _, worker) =>
        {
            var pair = pairs[i];
            var cls = classes.For(pair, pair);
            pair.Bound = DiagonalBound(worker, cls, pair);
            var bounds = new double[pair.PrimitiveCount];
            for (var k = 0; k < bounds.Length; k++) bounds[k] = DiagonalBound(worker, cls, pair.Single(k));
            primitiveBounds[i] = bounds;
            return worker;
        }, worker => Interlocked.Add(ref primitiveQuartets, worker.PrimitiveQuartets));

        var largest = pairs.Length == 0 ? 0.0 : pairs.Max(p => p.Bound);
        var cutoff = largest > 0 ? PrimitiveFraction * threshold / largest : 0.0;
        for (var i = 0; i < pairs.Length; i++) pairs[i].Screen(primitiveBounds[i], cutoff);
        return new EriScreening(threshold, largest, primitiveQuartets);
    }

    private static unsafe double DiagonalBound(EriWorker worker, QuartetClass cls, EriShellPair pair)
    {
        var block = worker.Compute(cls, pair, pair, threshold: 0);
        var functions = pair.FunctionCount;
        var max = 0.0;
        for (var i = 0; i < functions; i++) max = Math.Max(max, block[i * functions + i]);
        return Math.Sqrt(max);
    }
}
