namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// Everything about an ERI class (l_a l_b | l_c l_d) that does not depend on geometry or exponents: the vertical
/// recurrence, both horizontal recurrences and where the contracted [e0|f0] land in the work matrix.
/// </summary>
/// <remarks>
/// The work matrix W has one row per bra HRR slot and one column per ket HRR slot. Contracted [e0|f0] are placed
/// at (slot of e, slot of f); the bra HRR then runs along rows over the ket-input columns, the ket HRR along
/// columns of the finished bra rows, leaving (ab|cd) at row a·n_b + b, column c·n_d + d.
/// </remarks>
internal sealed class QuartetClass
{
    public QuartetClass(int la, int lb, int lc, int ld)
    {
        La = la;
        Lb = lb;
        Lc = lc;
        Ld = ld;
        Bra = new HorizontalRecurrence(la, lb);
        Ket = new HorizontalRecurrence(lc, ld);
        Vertical = new VerticalRecurrence(la, la + lb, lc, lc + ld);
        KetStride = Ket.SlotCount;
        WorkSize = Bra.SlotCount * KetStride;
        var count = Bra.InputCount * Ket.InputCount;
        Source = new int[count];
        Destination = new int[count];
        var k = 0;
        for (var i = 0; i < Bra.InputCount; i++)
        {
            for (var j = 0; j < Ket.InputCount; j++, k++)
            {
                Source[k] = Vertical.Offset(Bra.InputCombined[i], Ket.InputCombined[j]);
                Destination[k] = (Bra.InputStart + i) * KetStride + Ket.InputStart + j;
            }
        }
        CartesianSize = Bra.OutputCount * Ket.OutputCount;
        // Enough lanes to cover most contractions in one chunk, few enough that a chunk's recurrence buffer
        // (BufferSize × lanes doubles) stays within the L2 cache.
        ChunkCapacity = Math.Clamp(8192 / Vertical.BufferSize / 4 * 4, 4, 128);
    }

    public int La { get; }
    public int Lb { get; }
    public int Lc { get; }
    public int Ld { get; }
    public HorizontalRecurrence Bra { get; }
    public HorizontalRecurrence Ket { get; }
    public VerticalRecurrence Vertical { get; }

    /// <summary>Row length of the work matrix.</summary>
    public int KetStride { get; }

    /// <summary>Doubles in the work matrix.</summary>
    public int WorkSize { get; }

    /// <summary>Number of contracted [e0|f0] (the primitive loop's accumulators).</summary>
    public int ContractedCount => Source.Length;

    /// <summary>Position in the vertical-recurrence buffer of each accumulated [e0|f0]^(0).</summary>
    public int[] Source { get; }

    /// <summary>Position in the work matrix of each contracted [e0|f0].</summary>
    public int[] Destination { get; }

    /// <summary>Number of Cartesian (ab|cd).</summary>
    public int CartesianSize { get; }

    /// <summary>Primitive quartets the vectorised primitive loop handles at once (a multiple of 4).</summary>
    public int ChunkCapacity { get; }

    /// <summary>Index into a table of classes: l_a·64 + l_b·16 + l_c·4 + l_d.</summary>
    public static int Key(int la, int lb, int lc, int ld) => la * 64 + lb * 16 + lc * 4 + ld;
}
