using System.Runtime.CompilerServices;

namespace TorchTdhf.Chemistry.Integrals;

/// <summary>Stores computed shell quartets into the flat (mn|ls) tensor.</summary>
internal static unsafe class EriRowWriter
{
    // Writes the quartet's integrals into the rows of the outer loop's pair (which stay in cache while its kets
    // are processed): row xy and row yx, for x, y on the row pair, take (xy|uv) and (xy|vu) for u, v on the
    // column pair, each run of columns contiguous. Where a block holds an integral twice (a shell paired with
    // itself) only one copy is read, so the tensor is exactly symmetric rather than to rounding.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteRows(double* eri, long n, double* block, EriShellPair bra, EriShellPair ket, bool rowsAreBra)
    {
        if (ReferenceEquals(bra, ket))
        {
            WriteDiagonal(eri, n, block, bra);
            return;
        }
        var (rowPair, columnPair) = rowsAreBra ? (bra, ket) : (ket, bra);
        int nx = rowPair.A.FunctionCount, ny = rowPair.B.FunctionCount, nu = columnPair.A.FunctionCount, nv = columnPair.B.FunctionCount;
        long fx = rowPair.A.FirstFunction, fy = rowPair.B.FirstFunction, fu = columnPair.A.FirstFunction, fv = columnPair.B.FirstFunction;
        bool sameRow = ReferenceEquals(rowPair.A, rowPair.B), sameColumn = ReferenceEquals(columnPair.A, columnPair.B);
        // Strides of x, y, u, v in the block, which is [bra A, bra B, ket A, ket B].
        long sx, sy, su, sv;
        if (rowsAreBra) (sx, sy, su, sv) = ((long)ny * nu * nv, nu * nv, nv, 1);
        else (sx, sy, su, sv) = (ny, 1, (long)nv * nx * ny, nx * ny);
        var n2 = n * n;
        for (var x = 0; x < nx; x++)
        {
            for (var y = 0; y < (sameRow ? x + 1 : ny); y++)
            {
                var xy = eri + ((fx + x) * n + fy + y) * n2;
                var yx = eri + ((fy + y) * n + fx + x) * n2;
                var values = block + x * sx + y * sy;
                for (var u = 0; u < nu; u++)
                {
                    long to = (fu + u) * n + fv;
                    var from = values + u * su;
                    for (var v = 0; v < (sameColumn ? u + 1 : nv); v++)
                    {
                        var value = from[v * sv];
                        xy[to + v] = value;
                        yx[to + v] = value;
                    }
                }
                for (var v = 0; v < nv; v++)
                {
                    long to = (fv + v) * n + fu;
                    var from = values + v * sv;
                    for (var u = sameColumn ? v : 0; u < nu; u++)
                    {
                        var value = from[u * su];
                        xy[to + u] = value;
                        yx[to + u] = value;
                    }
                }
            }
        }
    }

    // A pair with itself: (ab|cd) and (cd|ab) are both in the block; the copy with ab ≥ cd (and a ≥ b, c ≥ d when
    // the pair is a shell with itself) supplies all eight places, all of them in the pair's own rows.
    private static void WriteDiagonal(double* eri, long n, double* block, EriShellPair pair)
    {
        int na = pair.A.FunctionCount, nb = pair.B.FunctionCount;
        long fa = pair.A.FirstFunction, fb = pair.B.FirstFunction;
        var same = ReferenceEquals(pair.A, pair.B);
        var n2 = n * n;
        for (var a = 0; a < na; a++)
        {
            for (var b = 0; b < (same ? a + 1 : nb); b++)
            {
                long ab = (fa + a) * n + fb + b, ba = (fb + b) * n + fa + a;
                var row = block + (a * nb + b) * na * nb;
                for (var c = 0; c <= a; c++)
                {
                    for (var d = 0; d < (same ? c + 1 : nb); d++)
                    {
                        if (c == a && d > b) break;
                        var v = row[c * nb + d];
                        long cd = (fa + c) * n + fb + d, dc = (fb + d) * n + fa + c;
                        eri[ab * n2 + cd] = v;
                        eri[ba * n2 + cd] = v;
                        eri[ab * n2 + dc] = v;
                        eri[ba * n2 + dc] = v;
                        eri[cd * n2 + ab] = v;
                        eri[dc * n2 + ab] = v;
                        eri[cd * n2 + ba] = v;
                        eri[dc * n2 + ba] = v;
                    }
                }
            }
        }
    }
}
