using System.Runtime.CompilerServices;

namespace TorchTdhf.Chemistry.Integrals;

/// <summary>Turns a Cartesian one-electron block of a shell pair into AO functions and stores it in a symmetric matrix.</summary>
internal static class PairBlock
{
    /// <summary>Largest Cartesian block (f × f) any caller needs, for sizing scratch.</summary>
    public const int MaxSize = 10 * 10;

    /// <summary>
    /// Writes Ta · C · Tbᵀ into <paramref name="target"/> at the shells' function offsets and its transpose at
    /// the mirrored place; <paramref name="cartesian"/> is row-major [Cartesian a × Cartesian b] and is overwritten.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void StoreSymmetric(double[,] target, PreparedShell a, PreparedShell b, Span<double> cartesian, Span<double> scratch)
    {
        int nca = a.CartesianCount, ncb = b.CartesianCount, nfa = a.FunctionCount, nfb = b.FunctionCount;
        var block = cartesian;
        if (!ShellFunctions.IsIdentity(b.L))
        {
            // C · Tbᵀ: [nca × nfb]
            var tb = b.Transform;
            for (var i = 0; i < nca; i++)
            {
                for (var g = 0; g < nfb; g++)
                {
                    var sum = 0.0;
                    for (var d = 0; d < ncb; d++) sum += block[i * ncb + d] * tb[g * ncb + d];
                    scratch[i * nfb + g] = sum;
                }
            }
            scratch[..(nca * nfb)].CopyTo(block);
        }
        if (!ShellFunctions.IsIdentity(a.L))
        {
            var ta = a.Transform;
            for (var f = 0; f < nfa; f++)
            {
                for (var g = 0; g < nfb; g++)
                {
                    var sum = 0.0;
                    for (var c = 0; c < nca; c++) sum += ta[f * nca + c] * block[c * nfb + g];
                    scratch[f * nfb + g] = sum;
                }
            }
            block = scratch;
        }
        for (var f = 0; f < nfa; f++)
        {
            for (var g = 0; g < nfb; g++)
            {
                var v = block[f * nfb + g];
                target[a.FirstFunction + f, b.FirstFunction + g] = v;
                target[b.FirstFunction + g, a.FirstFunction + f] = v;
            }
        }
    }
}
