using System.Runtime.CompilerServices;

namespace TorchTdhf.Chemistry.Integrals;

/// <summary>Nuclear attraction V_mn = ⟨m| −Σ_C Z_C / |r − C| |n⟩ for point nuclei.</summary>
/// <remarks>
/// Obara–Saika: with U = p|P − C|², the auxiliary integrals [e|^(m) built on centre A obey
/// [e+1ᵢ|^(m) = PAᵢ [e|^(m) − PCᵢ [e|^(m+1) + eᵢ/(2p) ([e−1ᵢ|^(m) − [e−1ᵢ|^(m+1)), starting from
/// [0|^(m) = (2π/p) K_AB F_m(U); the contracted [e| with l_a ≤ |e| ≤ l_a + l_b then go through the same
/// horizontal recurrence as the two-electron integrals. Shell pairs run in parallel, each writing its own block.
/// </remarks>
internal static class NuclearAttractionIntegrals
{
    private const int MaxTotal = 6;

    /// <summary>V as an [N, N] AO matrix (negative definite).</summary>
    public static double[,] Compute(PreparedShell[] shells, int n, IReadOnlyList<Atom> atoms)
    {
        var result = new double[n, n];
        var hrr = new HorizontalRecurrence[4, 4];
        for (var la = 0; la < 4; la++)
        {
            for (var lb = 0; lb < 4; lb++) hrr[la, lb] = new HorizontalRecurrence(la, lb);
        }
        var steps = Steps();
        // Nuclei as (x, y, z, −Z) quadruples: the loop over them is the innermost one.
        var nuclei = new double[4 * atoms.Count];
        for (var c = 0; c < atoms.Count; c++)
        {
            nuclei[4 * c] = atoms[c].X;
            nuclei[4 * c + 1] = atoms[c].Y;
            nuclei[4 * c + 2] = atoms[c].Z;
            nuclei[4 * c + 3] = -atoms[c].AtomicNumber;
        }
        Parallel.For(0, shells.Length, () => new Scratch(hrr[3, 3].SlotCount), (ia, _, scratch) =>
        {
            for (var ib = 0; ib <= ia; ib++) Pair(shells[ia], shells[ib], hrr[shells[ia].L, shells[ib].L], nuclei, steps, scratch, result);
            return scratch;
        }, _ => { });
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pair(PreparedShell a, PreparedShell b, HorizontalRecurrence program, double[] nuclei, Step[] steps, Scratch scratch, double[,] result)
    {
        var total = a.L + b.L;
        var stride = total + 1;
        var slots = scratch.Slots;
        var auxiliary = scratch.Auxiliary;
        Span<double> boys = stackalloc double[MaxTotal + 1];
        var boysFunction = BoysFunction.Shared;
        Span<double> pa = stackalloc double[3];
        Span<double> pc = stackalloc double[3];
        Array.Clear(slots);
        double abx = a.X - b.X, aby = a.Y - b.Y, abz = a.Z - b.Z;
        var ab2 = abx * abx + aby * aby + abz * abz;
        for (var ka = 0; ka < a.Exponents.Length; ka++)
        {
            for (var kb = 0; kb < b.Exponents.Length; kb++)
            {
                double ea = a.Exponents[ka], eb = b.Exponents[kb], p = ea + eb, halfInvP = 0.5 / p;
                double px = (ea * a.X + eb * b.X) / p, py = (ea * a.Y + eb * b.Y) / p, pz = (ea * a.Z + eb * b.Z) / p;
                pa[0] = px - a.X;
                pa[1] = py - a.Y;
                pa[2] = pz - a.Z;
                var pairFactor = a.Coefficients[ka] * b.Coefficients[kb] * 2 * Math.PI / p * Math.Exp(-ea * eb / p * ab2);
                for (var c = 0; c < nuclei.Length; c += 4)
                {
                    pc[0] = px - nuclei[c];
                    pc[1] = py - nuclei[c + 1];
                    pc[2] = pz - nuclei[c + 2];
                    boysFunction.Evaluate(p * (pc[0] * pc[0] + pc[1] * pc[1] + pc[2] * pc[2]), total, boys);
                    var factor = nuclei[c + 3] * pairFactor;
                    for (var m = 0; m <= total; m++) auxiliary[m] = factor * boys[m];
                    Recur(auxiliary, total, steps, pa, pc, halfInvP);
                    for (var k = 0; k < program.InputCount; k++) slots[program.InputStart + k] += auxiliary[program.InputCombined[k] * stride];
                }
            }
        }
        ReadOnlySpan<double> abv = [abx, aby, abz];
        foreach (var step in program.Steps) slots[step.Target] = slots[step.Source1] + abv[step.Direction] * slots[step.Source2];
        slots.AsSpan(0, program.OutputCount).CopyTo(scratch.Block);
        PairBlock.StoreSymmetric(result, a, b, scratch.Block.AsSpan(0, program.OutputCount), scratch.Transform);
    }

    // Fills [e|^(m) for every monomial e of degree 1 … total and m ≤ total − |e|, stored at e·(total+1) + m.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Recur(double[] v, int total, Step[] steps, ReadOnlySpan<double> pa, ReadOnlySpan<double> pc, double halfInvP)
    {
        var stride = total + 1;
        var count = CartesianIndex.Offset(total + 1);
        for (var e = 1; e < count; e++)
        {
            var (dir, e1, e2, n1) = steps[e];
            var top = total - CartesianIndex.Degree[e];
            double a = pa[dir], c = pc[dir], h = n1 * halfInvP;
            int to = e * stride, from1 = e1 * stride, from2 = e2 * stride;
            for (var m = 0; m <= top; m++)
            {
                var value = a * v[from1 + m] - c * v[from1 + m + 1];
                if (e2 >= 0) value += h * (v[from2 + m] - v[from2 + m + 1]);
                v[to + m] = value;
            }
        }
    }

    // For each monomial e: the direction it is lowered along, e − 1ᵢ, e − 2ᵢ (−1 if none) and the power of e − 1ᵢ.
    private readonly record struct Step(int Direction, int Lower1, int Lower2, int Power);

    private static Step[] Steps()
    {
        var steps = new Step[CartesianIndex.Offset(MaxTotal + 1)];
        for (var e = 1; e < steps.Length; e++)
        {
            var dir = CartesianIndex.Power(e, 0) > 0 ? 0 : CartesianIndex.Power(e, 1) > 0 ? 1 : 2;
            var e1 = CartesianIndex.Lower[3 * e + dir];
            steps[e] = new Step(dir, e1, CartesianIndex.Lower[3 * e1 + dir], CartesianIndex.Power(e1, dir));
        }
        return steps;
    }

    private sealed class Scratch(int slots)
    {
        public double[] Slots { get; } = new double[slots];
        public double[] Auxiliary { get; } = new double[CartesianIndex.Offset(MaxTotal + 1) * (MaxTotal + 1)];
        public double[] Block { get; } = new double[PairBlock.MaxSize];
        public double[] Transform { get; } = new double[PairBlock.MaxSize];
    }
}
