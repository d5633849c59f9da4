namespace TorchTdhf.Chemistry.Integrals;

/// <summary>One step of <see cref="HorizontalRecurrence"/>: slot[Target] = slot[Source1] + AB[Direction] · slot[Source2].</summary>
internal readonly record struct HrrStep(int Target, int Source1, int Source2, int Direction);

/// <summary>
/// The horizontal recurrence (a, b+1ᵢ| = (a+1ᵢ, b| + (Aᵢ − Bᵢ)(a, b| for one pair of angular momenta, compiled to
/// a list of slot operations that turn (e, 0| with l_a ≤ |e| ≤ l_a + l_b into (a, b|. It holds no exponents,
/// so it runs once per contracted pair, after the primitive sums.
/// </summary>
/// <remarks>
/// Slots [0, <see cref="OutputCount"/>) receive the results in AO order (a major, b minor); the inputs occupy
/// the contiguous slots [<see cref="InputStart"/>, InputStart + <see cref="InputCount"/>) so a caller can treat
/// them as one block; intermediates follow. When l_b = 0 the inputs are the outputs.
/// </remarks>
internal sealed class HorizontalRecurrence
{
    public HorizontalRecurrence(int la, int lb)
    {
        La = la;
        Lb = lb;
        OutputCount = CartesianIndex.Count(la) * CartesianIndex.Count(lb);
        InputStart = lb == 0 ? 0 : OutputCount;
        InputCombined = Enumerable.Range(CartesianIndex.Offset(la), CartesianIndex.Offset(la + lb + 1) - CartesianIndex.Offset(la)).ToArray();
        InputCount = InputCombined.Length;

        var slots = new Dictionary<(int A, int B), int>();
        for (var k = 0; k < InputCount; k++) slots[(InputCombined[k], 0)] = InputStart + k;
        var steps = new List<HrrStep>();
        var next = InputStart + InputCount;
        if (lb > 0)
        {
            var bFirst = CartesianIndex.Offset(lb);
            var aFirst = CartesianIndex.Offset(la);
            var nb = CartesianIndex.Count(lb);
            for (var ia = 0; ia < CartesianIndex.Count(la); ia++)
            {
                for (var ib = 0; ib < nb; ib++) Emit(aFirst + ia, bFirst + ib, ia * nb + ib);
            }
        }
        SlotCount = next;
        Steps = steps.ToArray();

        int Emit(int a, int b, int target)
        {
            // Lowering b along its first non-zero power keeps every intermediate on one (a, b) lattice, so
            // different outputs share them.
            var dir = CartesianIndex.Power(b, 0) > 0 ? 0 : CartesianIndex.Power(b, 1) > 0 ? 1 : 2;
            var bLower = CartesianIndex.Lower[3 * b + dir];
            var aRaised = Raise(a, dir);
            var s1 = Slot(aRaised, bLower);
            var s2 = Slot(a, bLower);
            steps.Add(new HrrStep(target, s1, s2, dir));
            return target;
        }

        int Slot(int a, int b)
        {
            if (slots.TryGetValue((a, b), out var s)) return s;
            s = Emit(a, b, next++);
            slots[(a, b)] = s;
            return s;
        }
    }

    public int La { get; }
    public int Lb { get; }

    /// <summary>Number of (a, b| results: Cartesian count of l_a times that of l_b.</summary>
    public int OutputCount { get; }

    /// <summary>First slot of the (e, 0| inputs.</summary>
    public int InputStart { get; }

    /// <summary>Number of inputs: all monomials of degree l_a … l_a + l_b.</summary>
    public int InputCount { get; }

    /// <summary>Combined Cartesian index (see <see cref="CartesianIndex"/>) of each input, in slot order.</summary>
    public int[] InputCombined { get; }

    /// <summary>Slots needed in all.</summary>
    public int SlotCount { get; }

    /// <summary>The operations, in an order that computes every source before it is read.</summary>
    public HrrStep[] Steps { get; }

    private static int Raise(int c, int dir)
    {
        int i = CartesianIndex.Power(c, 0), j = CartesianIndex.Power(c, 1), k = CartesianIndex.Power(c, 2);
        return dir switch { 0 => CartesianIndex.Combined(i + 1, j, k), 1 => CartesianIndex.Combined(i, j + 1, k), _ => CartesianIndex.Combined(i, j, k + 1) };
    }
}
