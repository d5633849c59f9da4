using System.Runtime.CompilerServices;

namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// Computes one contracted shell quartet (ab|cd) at a time into its own scratch, so each thread owns one and
/// nothing in the hot path allocates or is shared.
/// </summary>
/// <remarks>
/// Order of work: the primitive loop (<c>EriWorker.Primitives.cs</c>: Boys function, vertical recurrence, sums
/// into contracted [e0|f0]), then once per contracted quartet the two horizontal recurrences and the
/// Cartesian-to-AO transforms (<c>EriWorker.Functions.cs</c>). Scratch arrays live on the pinned heap so their
/// addresses can be kept for the worker's lifetime.
/// </remarks>
internal sealed unsafe partial class EriWorker
{
    private readonly double[] _vertical, _accumulators, _work, _result, _swap, _lanes;
    private readonly double* _v, _acc, _w, _r, _s, _lane;
    private readonly int _laneStride;
    private readonly BoysFunction _boysFunction = BoysFunction.Shared;

    /// <param name="classes">The classes this worker will meet, for sizing the scratch.</param>
    public EriWorker(IReadOnlyList<QuartetClass> classes)
    {
        int v = 4, acc = 1, work = 1, result = 1, lanes = 4;
        foreach (var c in classes)
        {
            v = Math.Max(v, c.Vertical.BufferSize * c.ChunkCapacity);
            acc = Math.Max(acc, c.ContractedCount);
            work = Math.Max(work, c.WorkSize);
            result = Math.Max(result, c.CartesianSize);
            lanes = Math.Max(lanes, c.ChunkCapacity);
        }
        _laneStride = lanes + 4;   // room for the overhang of whole-vector copies
        _vertical = GC.AllocateArray<double>(v, pinned: true);
        _accumulators = GC.AllocateArray<double>(acc, pinned: true);
        _work = GC.AllocateArray<double>(work, pinned: true);
        _result = GC.AllocateArray<double>(result, pinned: true);
        _swap = GC.AllocateArray<double>(result, pinned: true);
        _lanes = GC.AllocateArray<double>(LaneArrays * _laneStride + 4 * (BoysFunction.MaxOrder + 1), pinned: true);
        _v = Address(_vertical);
        _acc = Address(_accumulators);
        _w = Address(_work);
        _r = Address(_result);
        _s = Address(_swap);
        _lane = Address(_lanes);
    }

    /// <summary>Primitive quartets evaluated so far.</summary>
    public long PrimitiveQuartets { get; private set; }

    /// <summary>
    /// Computes (ab|cd) over the AO functions of <paramref name="bra"/> = (A, B) and <paramref name="ket"/> = (C, D)
    /// and returns the row-major [n_a, n_b, n_c, n_d] block (valid until the next call). Primitive quartets with
    /// q_i q_j below <paramref name="threshold"/> / (number of primitive quartets) are skipped, which moves no
    /// integral by more than the threshold; 0 computes them all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double* Compute(QuartetClass cls, EriShellPair bra, EriShellPair ket, double threshold)
    {
        PrimitiveQuartets += Primitives(cls, bra, ket, threshold / ((double)bra.PrimitiveCount * ket.PrimitiveCount));

        var contracted = cls.ContractedCount;
        fixed (int* destination = cls.Destination)
        {
            for (var k = 0; k < contracted; k++) _w[destination[k]] = _acc[k];
        }
        BraHorizontal(cls, bra);
        KetHorizontal(cls, ket);
        return ToFunctions(cls, bra, ket);
    }

    private static double* Address(double[] pinned) => (double*)Unsafe.AsPointer(ref pinned[0]);
}
