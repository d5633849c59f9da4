using System.Runtime.CompilerServices;

namespace TorchTdhf.Chemistry.Integrals;

/// <summary>The one-electron integrals that factor into x, y and z parts: overlap, kinetic energy, position.</summary>
/// <remarks>
/// Obara–Saika: the 1-D overlaps s(i, j) = ∫ (x−A)^i (x−B)^j exp(−a(x−A)² − b(x−B)²) dx obey
/// s(i+1, j) = PA s(i, j) + [i s(i−1, j) + j s(i, j−1)]/(2p), likewise for j with PB. The kinetic and position
/// parts follow from s with j shifted, because −½ d²/dx² and x act on the Gaussian at B:
/// −½ d²/dx² (x−B)^j e^{−b(x−B)²} = −½ [j(j−1)(x−B)^{j−2} − 2b(2j+1)(x−B)^j + 4b²(x−B)^{j+2}] e^{−b(x−B)²} and
/// x − O = (x − B) + (B − O).
/// </remarks>
internal static class OverlapKineticPosition
{
    private const int Rows = 4;      // i ≤ l_a ≤ 3
    private const int Cols = 6;      // j ≤ l_b + 2 ≤ 5

    /// <summary>S, T and +⟨m|x−O_x|n⟩, … as [N, N] AO matrices.</summary>
    public static (double[,] Overlap, double[,] Kinetic, double[][,] Position) Compute(PreparedShell[] shells, int n, (double X, double Y, double Z) origin)
    {
        var overlap = new double[n, n];
        var kinetic = new double[n, n];
        var position = new[] { new double[n, n], new double[n, n], new double[n, n] };
        var targets = new[] { overlap, kinetic, position[0], position[1], position[2] };
        Span<double> s = stackalloc double[3 * Rows * Cols];
        Span<double> blocks = stackalloc double[5 * PairBlock.MaxSize];
        Span<double> scratch = stackalloc double[PairBlock.MaxSize];
        Span<double> originXyz = [origin.X, origin.Y, origin.Z];
        for (var ia = 0; ia < shells.Length; ia++)
        {
            for (var ib = 0; ib <= ia; ib++)
            {
                var a = shells[ia];
                var b = shells[ib];
                int nca = a.CartesianCount, ncb = b.CartesianCount, size = nca * ncb;
                blocks.Clear();
                Span<double> ab = [a.X - b.X, a.Y - b.Y, a.Z - b.Z];
                var ab2 = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2];
                Span<double> bXyz = [b.X, b.Y, b.Z];
                for (var ka = 0; ka < a.Exponents.Length; ka++)
                {
                    for (var kb = 0; kb < b.Exponents.Length; kb++)
                    {
                        double ea = a.Exponents[ka], eb = b.Exponents[kb], p = ea + eb;
                        var prefactor = a.Coefficients[ka] * b.Coefficients[kb] * Math.Pow(Math.PI / p, 1.5) * Math.Exp(-ea * eb / p * ab2);
                        for (var dir = 0; dir < 3; dir++)
                        {
                            // P − A = −b/p (A − B), P − B = a/p (A − B)
                            Fill(s.Slice(dir * Rows * Cols, Rows * Cols), a.L, b.L + 2, -eb / p * ab[dir], ea / p * ab[dir], 0.5 / p);
                        }
                        Accumulate(blocks, a, b, s, eb, prefactor, bXyz, originXyz);
                    }
                }
                for (var t = 0; t < targets.Length; t++)
                {
                    PairBlock.StoreSymmetric(targets[t], a, b, blocks.Slice(t * PairBlock.MaxSize, size), scratch);
                }
            }
        }
        return (overlap, kinetic, position);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill(Span<double> s, int iMax, int jMax, double pa, double pb, double halfInvP)
    {
        s[0] = 1.0;
        for (var j = 0; j < jMax; j++) s[j + 1] = pb * s[j] + (j > 0 ? halfInvP * j * s[j - 1] : 0.0);
        for (var i = 0; i < iMax; i++)
        {
            for (var j = 0; j <= jMax; j++)
            {
                var v = pa * s[i * Cols + j];
                if (i > 0) v += halfInvP * i * s[(i - 1) * Cols + j];
                if (j > 0) v += halfInvP * j * s[i * Cols + j - 1];
                s[(i + 1) * Cols + j] = v;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Accumulate(Span<double> blocks, PreparedShell a, PreparedShell b, ReadOnlySpan<double> s, double eb, double prefactor,
        ReadOnlySpan<double> bXyz, ReadOnlySpan<double> originXyz)
    {
        int offA = CartesianIndex.Offset(a.L), offB = CartesianIndex.Offset(b.L), ncb = b.CartesianCount;
        Span<double> ov = stackalloc double[3];
        Span<double> ke = stackalloc double[3];
        Span<double> ps = stackalloc double[3];
        for (var ca = 0; ca < a.CartesianCount; ca++)
        {
            for (var cb = 0; cb < ncb; cb++)
            {
                for (var dir = 0; dir < 3; dir++)
                {
                    var i = CartesianIndex.Power(offA + ca, dir);
                    var j = CartesianIndex.Power(offB + cb, dir);
                    var row = s.Slice(dir * Rows * Cols + i * Cols, Cols);
                    ov[dir] = row[j];
                    ke[dir] = -0.5 * ((j >= 2 ? j * (j - 1) * row[j - 2] : 0.0) - 2 * eb * (2 * j + 1) * row[j] + 4 * eb * eb * row[j + 2]);
                    ps[dir] = row[j + 1] + (bXyz[dir] - originXyz[dir]) * row[j];
                }
                var k = ca * ncb + cb;
                var sxyz = ov[0] * ov[1] * ov[2];
                blocks[k] += prefactor * sxyz;
                blocks[PairBlock.MaxSize + k] += prefactor * (ke[0] * ov[1] * ov[2] + ov[0] * ke[1] * ov[2] + ov[0] * ov[1] * ke[2]);
                blocks[2 * PairBlock.MaxSize + k] += prefactor * ps[0] * ov[1] * ov[2];
                blocks[3 * PairBlock.MaxSize + k] += prefactor * ov[0] * ps[1] * ov[2];
                blocks[4 * PairBlock.MaxSize + k] += prefactor * ov[0] * ov[1] * ps[2];
            }
        }
    }
}
