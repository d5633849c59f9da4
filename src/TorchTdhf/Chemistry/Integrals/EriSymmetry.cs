using System.Runtime.CompilerServices;

namespace TorchTdhf.Chemistry.Integrals;

/// <summary>
/// Completes the ERI tensor after the quartet loop has written, for every pair of shell pairs P ≥ K, only the
/// rows of P: (mn|ls) = (ls|mn) supplies the rows of K.
/// </summary>
/// <remarks>
/// Viewed as an N² × N² matrix M with row index m·N + n, element (r, c) was written exactly when the shell pair of
/// r is numbered at least as high as that of c (pairs numbered I(I+1)/2 + J, I ≥ J); the rest is copied from the
/// mirror image. The copy runs over square tiles, transposed through a small buffer so both the reads and the
/// writes are contiguous runs; a tile whose ranks decide it wholesale is copied or skipped without per-element
/// tests. Sources are never destinations, so row strips of tiles run in parallel.
/// </remarks>
internal static unsafe class EriSymmetry
{
    private const int Tile = 32;

    public static void FillTransposedPairs(double[] eri, AoBasis basis, ParallelOptions parallel)
    {
        long n = basis.FunctionCount;
        var n2 = n * n;
        var rank = PairRanks(basis);
        var tiles = (int)((n2 + Tile - 1) / Tile);
        var lowest = new int[tiles];
        var highest = new int[tiles];
        for (var t = 0; t < tiles; t++)
        {
            lowest[t] = int.MaxValue;
            highest[t] = int.MinValue;
            for (var r = t * (long)Tile; r < Math.Min((t + 1L) * Tile, n2); r++)
            {
                lowest[t] = Math.Min(lowest[t], rank[r]);
                highest[t] = Math.Max(highest[t], rank[r]);
            }
        }
        Parallel.For(0, tiles, parallel, rowTile =>
        {
            fixed (double* matrix = eri)
            fixed (int* ranks = rank)
            {
                FillStrip(matrix, ranks, n2, rowTile, tiles, lowest, highest);
            }
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillStrip(double* matrix, int* ranks, long n2, int rowTile, int tiles, int[] lowest, int[] highest)
    {
        var buffer = stackalloc double[Tile * Tile];
        long r0 = (long)rowTile * Tile;
        var rows = (int)Math.Min(Tile, n2 - r0);
        for (var columnTile = 0; columnTile < tiles; columnTile++)
        {
            if (lowest[rowTile] >= highest[columnTile]) continue;   // every element here was written
            long c0 = (long)columnTile * Tile;
            var columns = (int)Math.Min(Tile, n2 - c0);
            for (var i = 0; i < columns; i++)
            {
                var source = matrix + (c0 + i) * n2 + r0;
                for (var j = 0; j < rows; j++) buffer[j * Tile + i] = source[j];
            }
            var whole = highest[rowTile] < lowest[columnTile];
            for (var j = 0; j < rows; j++)
            {
                var target = matrix + (r0 + j) * n2 + c0;
                var from = buffer + j * Tile;
                if (whole)
                {
                    for (var i = 0; i < columns; i++) target[i] = from[i];
                }
                else
                {
                    var rr = ranks[r0 + j];
                    for (var i = 0; i < columns; i++)
                    {
                        if (rr < ranks[c0 + i]) target[i] = from[i];
                    }
                }
            }
        }
    }

    // Number of the shell pair (I ≥ J, I(I+1)/2 + J) of each function pair m·N + n.
    private static int[] PairRanks(AoBasis basis)
    {
        var n = basis.FunctionCount;
        var shellOf = new int[n];
        for (var s = 0; s < basis.Shells.Count; s++)
        {
            var shell = basis.Shells[s];
            for (var f = 0; f < shell.FunctionCount; f++) shellOf[shell.FirstFunction + f] = s;
        }
        var rank = new int[(long)n * n];
        for (var m = 0; m < n; m++)
        {
            for (var k = 0; k < n; k++)
            {
                int hi = Math.Max(shellOf[m], shellOf[k]), lo = Math.Min(shellOf[m], shellOf[k]);
                rank[(long)m * n + k] = hi * (hi + 1) / 2 + lo;
            }
        }
        return rank;
    }
}
