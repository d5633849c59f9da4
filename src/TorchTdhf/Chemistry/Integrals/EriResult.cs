namespace TorchTdhf.Chemistry.Integrals;

/// <summary>The two-electron integral tensor together with what it took to compute it, for benchmarks.</summary>
public sealed class EriResult
{
    internal EriResult(double[] eri, int functionCount, long shellQuartets, long computedQuartets, long uniqueIntegrals, long primitiveQuartets, EriTimings timings)
    {
        Eri = eri;
        FunctionCount = functionCount;
        ShellQuartets = shellQuartets;
        ComputedQuartets = computedQuartets;
        UniqueIntegrals = uniqueIntegrals;
        PrimitiveQuartets = primitiveQuartets;
        Timings = timings;
    }

    /// <summary>(mn|ls) at index ((m·N + n)·N + l)·N + s: [N⁴] flat, row-major, AO basis, hartree.</summary>
    public double[] Eri { get; }

    /// <summary>Number of AO functions N.</summary>
    public int FunctionCount { get; }

    /// <summary>Shell quartets unique under the 8-fold permutational symmetry: P(P+1)/2 for P = S(S+1)/2 shell pairs.</summary>
    public long ShellQuartets { get; }

    /// <summary>Unique shell quartets actually evaluated (the rest were Schwarz-screened).</summary>
    public long ComputedQuartets { get; }

    /// <summary>Unique shell quartets skipped by Schwarz screening.</summary>
    public long ScreenedQuartets => ShellQuartets - ComputedQuartets;

    /// <summary>AO integrals evaluated: Σ over computed quartets of n_a n_b n_c n_d (each then written to its up to 8 symmetric places).</summary>
    public long UniqueIntegrals { get; }

    /// <summary>Primitive quartets evaluated, including those of the Schwarz bounds (primitive screening skips the rest).</summary>
    public long PrimitiveQuartets { get; }

    /// <summary>Wall time of each phase.</summary>
    public EriTimings Timings { get; }

    /// <summary>Wall time of the whole computation, setup and Schwarz bounds included.</summary>
    public TimeSpan Elapsed => Timings.Total;
}
