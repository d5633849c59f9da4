namespace TorchTdhf.Chemistry.Integrals;

/// <summary>Nuclear attraction V_mn = ⟨m| −Σ_C Z_C / |r − C| |n⟩ for point nuclei.</summary>
/// <remarks>
/// Obara–Saika: with U = p|P − C|², the auxiliary integrals [e|^(m) built on centre A obey
/// [e+1ᵢ|^(m) = PAᵢ [e|^(m) − PCᵢ [e|^(m+1) + eᵢ/(2p) ([e−1ᵢ|^(m) − [e−1ᵢ|^(m+1)), starting from
/// [0|^(m) = (2π/p) K_AB F_m(U); the contracted [e| with l_a ≤ |e| ≤ l_a + l_b then go through the same
/// horizontal recurrence as the two-electron integrals.
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
        var auxiliary = new double[CartesianIndex.Offset(MaxTotal + 1) * (MaxTotal + 1)];
        var slots = new double[hrr[3, 3].SlotCount];
        Span<double> boys = stackalloc double[MaxTotal + 1];
        Span<double> block = stackalloc double[PairBlock.MaxSize];
        Span<double> scratch = stackalloc double[PairBlock.MaxSize];
        Span<double> pa = stackalloc double[3];
        Span<double> pc = stackalloc double[3];
        for (var ia = 0; ia < shells.Length; ia++)
        {
            for (var ib = 0; ib <= ia; ib++)
            {
                var a = shells[ia];
                var b = shells[ib];
                var program = hrr[a.L, b.L];
                var total = a.L + b.L;
                var stride = total + 1;
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
                        foreach (var atom in atoms)
                        {
                            pc[0] = px - atom.X;
                            pc[1] = py - atom.Y;
                            pc[2] = pz - atom.Z;
                            BoysFunction.Shared.Evaluate(p * (pc[0] * pc[0] + pc[1] * pc[1] + pc[2] * pc[2]), total, boys);
                            var factor = -atom.AtomicNumber * pairFactor;
                            for (var m = 0; m <= total; m++) auxiliary[m] = factor * boys[m];
                            Recur(auxiliary, total, pa, pc, halfInvP);
                            for (var k = 0; k < program.InputCount; k++) slots[program.InputStart + k] += auxiliary[program.InputCombined[k] * stride];
                        }
                    }
                }
                ReadOnlySpan<double> abv = [abx, aby, abz];
                foreach (var step in program.Steps) slots[step.Target] = slots[step.Source1] + abv[step.Direction] * slots[step.Source2];
                slots.AsSpan(0, program.OutputCount).CopyTo(block);
                PairBlock.StoreSymmetric(result, a, b, block[..program.OutputCount], scratch);
            }
        }
        return result;
    }

    // Fills [e|^(m) for every monomial e of degree 1 … total and m ≤ total − |e|, stored at e·(total+1) + m.
    private static void Recur(double[] v, int total, ReadOnlySpan<double> pa, ReadOnlySpan<double> pc, double halfInvP)
    {
        var stride = total + 1;
        var count = CartesianIndex.Offset(total + 1);
        for (var e = 1; e < count; e++)
        {
            var dir = CartesianIndex.Power(e, 0) > 0 ? 0 : CartesianIndex.Power(e, 1) > 0 ? 1 : 2;
            var e1 = CartesianIndex.Lower[3 * e + dir];
            var e2 = CartesianIndex.Lower[3 * e1 + dir];
            var n1 = CartesianIndex.Power(e1, dir) * halfInvP;
            var top = total - CartesianIndex.Degree[e];
            for (var m = 0; m <= top; m++)
            {
                var value = pa[dir] * v[e1 * stride + m] - pc[dir] * v[e1 * stride + m + 1];
                if (e2 >= 0) value += n1 * (v[e2 * stride + m] - v[e2 * stride + m + 1]);
                v[e * stride + m] = value;
            }
        }
    }
}
