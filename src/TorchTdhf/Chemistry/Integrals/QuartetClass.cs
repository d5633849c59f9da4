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
        var braSteps = Vertical.BraSteps;
        var ketSteps = Vertical.KetSteps;
        BraUsesPairDistance = braSteps.Length > 0;
        BraUsesHalfInverse = braSteps.Any(s => s.Source2 >= 0);
        KetUsesPairDistance = ketSteps.Length > 0;
        KetUsesHalfInverse = ketSteps.Any(s => s.Source2 >= 0);
        UsesCrossTerm = ketSteps.Any(s => s.Source3 >= 0);
        BraFields = Fields(BraUsesPairDistance, BraUsesHalfInverse);
        KetFields = Fields(KetUsesPairDistance, KetUsesHalfInverse);
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

    /// <summary>The bra recurrence reads P − A and W − P.</summary>
    public bool BraUsesPairDistance { get; }

    /// <summary>The bra recurrence reads 1/(2p) and ρ/p.</summary>
    public bool BraUsesHalfInverse { get; }

    /// <summary>The ket recurrence reads Q − C and W − Q.</summary>
    public bool KetUsesPairDistance { get; }

    /// <summary>The ket recurrence reads 1/(2q) and ρ/q.</summary>
    public bool KetUsesHalfInverse { get; }

    /// <summary>The ket recurrence reads 1/(2(p+q)).</summary>
    public bool UsesCrossTerm { get; }

    /// <summary>The <see cref="EriShellPair"/> fields the primitive loop reads from the bra pair.</summary>
    public int[] BraFields { get; }

    /// <summary>The <see cref="EriShellPair"/> fields the primitive loop reads from the ket pair.</summary>
    public int[] KetFields { get; }

    private static int[] Fields(bool pairDistance, bool halfInverse)
    {
        var fields = new List<int> { EriShellPair.Exponent, EriShellPair.Px, EriShellPair.Py, EriShellPair.Pz, EriShellPair.Factor };
        if (pairDistance) fields.AddRange([EriShellPair.PAx, EriShellPair.PAy, EriShellPair.PAz]);
        if (halfInverse) fields.Add(EriShellPair.HalfInverseExponent);
        return fields.ToArray();
    }

    /// <summary>Index into a table of classes: l_a·64 + l_b·16 + l_c·4 + l_d.</summary>
    public static int Key(int la, int lb, int lc, int ld) => la * 64 + lb * 16 + lc * 4 + ld;
}
