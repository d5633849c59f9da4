namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// Completes the ERI tensor after the quartet loop has written, for every pair of shell pairs P ≥ K, only the
/// rows of P: (mn|ls) = (ls|mn) supplies the rows of K.
/// </summary>
/// <remarks>
/// Viewed as an N² × N² matrix M with row index m·N + n, element (r, c) was written exactly when the shell pair of
/// r is numbered at least as high as that of c (pairs numbered I(I+1)/2 + J, I ≥ J). The missing elements are
/// copied from the mirror image in tiles of rows, reading a contiguous strip per column, so the pass streams
/// through memory instead of scattering. Sources are never destinations, so tiles run in parallel.
/// </remarks>
internal static unsafe class EriSymmetry
{
    private const int Tile = 32;

    public static void FillTransposedPairs(double[] eri, AoBasis basis, ParallelOptions parallel)
    {
        long n = basis.FunctionCount;
        var n2 = n * n;
        var shellOf = new int[n];
        for (var s = 0; s < basis.Shells.Count; s++)
        {
            var shell = basis.Shells[s];
            for (var f = 0; f < shell.FunctionCount; f++) shellOf[shell.FirstFunction + f] = s;
        }
        var rank = new int[n2];
        for (var m = 0; m < n; m++)
        {
            for (var k = 0; k < n; k++)
            {
                int hi = Math.Max(shellOf[m], shellOf[k]), lo = Math.Min(shellOf[m], shellOf[k]);
                rank[m * n + k] = hi * (hi + 1) / 2 + lo;
            }
        }
        var tiles = (int)((n2 + Tile - 1) / Tile);
        Parallel.For(0, tiles, parallel, tile =>
        {
            long r0 = (long)tile * Tile, r1 = Math.Min(r0 + Tile, n2);
            var lowest = int.MaxValue;
            for (var r = r0; r < r1; r++) lowest = Math.Min(lowest, rank[r]);
            fixed (double* matrix = eri)
            fixed (int* ranks = rank)
            {
                for (long c = 0; c < n2; c++)
                {
                    var rc = ranks[c];
                    if (rc <= lowest) continue;
                    var mirror = matrix + c * n2;
                    for (var r = r0; r < r1; r++)
                    {
                        if (ranks[r] < rc) matrix[r * n2 + c] = mirror[r];
                    }
                }
            }
        });
    }
}
