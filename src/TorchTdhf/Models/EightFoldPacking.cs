using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// The unique entries of a real tensor W [N, N, N, N] with the eight-fold permutation symmetry of real
/// electron-repulsion integrals in chemists' notation: W_ijkl = W_jikl = W_ijlk = W_jilk = W_klij = W_lkij = W_klji = W_lkji.
/// </summary>
/// <remarks>
/// <para>Canonical order. A pair (i, j) with i ≥ j has the compound index ij = i(i+1)/2 + j, so the N(N+1)/2 pairs run
/// (0,0), (1,0), (1,1), (2,0), …; a quadruple with i ≥ j, k ≥ l and ij ≥ kl has the unique index ij(ij+1)/2 + kl. The
/// packed vector lists the canonical quadruples by increasing unique index, i.e. ij outer, kl inner, and holds
/// P(P+1)/2 = N(N+1)(N²+N+2)/8 entries for P = N(N+1)/2 pairs. Any quadruple maps to the unique index of its canonical
/// image (sort within each pair, then order the two pairs).</para>
/// <para><see cref="Expand"/> is a gather, so gradients flow from the full tensor back to the packed entries (each
/// packed entry receives the sum over its orbit of up to eight positions).</para>
/// </remarks>
public static class EightFoldPacking
{
    /// <summary>Number of unique entries, N(N+1)(N²+N+2)/8.</summary>
    /// <param name="n">N ≥ 1.</param>
    public static long Count(int n)
    {
        RequireSize(n);
        var pairs = PairCount(n);
        return pairs * (pairs + 1) / 2;
    }

    /// <summary>N(N+1)/2, the number of unordered index pairs.</summary>
    /// <param name="n">N ≥ 1.</param>
    public static long PairCount(int n) => (long)n * (n + 1) / 2;

    /// <summary>The compound index of the unordered pair {i, j}: max(max+1)/2 + min.</summary>
    public static long PairIndex(int i, int j)
    {
        var (high, low) = i >= j ? (i, j) : (j, i);
        return (long)high * (high + 1) / 2 + low;
    }

    /// <summary>Position in the packed vector of W_ijkl (any order of the indices).</summary>
    public static long UniqueIndex(int i, int j, int k, int l)
    {
        var (first, second) = (PairIndex(i, j), PairIndex(k, l));
        var (high, low) = first >= second ? (first, second) : (second, first);
        return high * (high + 1) / 2 + low;
    }

    /// <summary>For every element of the full tensor, flattened row-major, its position in the packed vector.</summary>
    /// <param name="n">N ≥ 1.</param>
    /// <returns>[N⁴] int64.</returns>
    public static Tensor ExpansionIndex(int n)
    {
        RequireSize(n);
        var index = new long[(long)n * n * n * n];
        var position = 0L;
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        for (var k = 0; k < n; k++)
        for (var l = 0; l < n; l++)
            index[position++] = UniqueIndex(i, j, k, l);
        return torch.tensor(index);
    }

    /// <summary>For every packed entry, the row-major flat position of its canonical quadruple in the full tensor.</summary>
    /// <param name="n">N ≥ 1.</param>
    /// <returns>[<see cref="Count"/>] int64, increasing with the unique index.</returns>
    public static Tensor CanonicalPositions(int n)
    {
        var positions = new long[Count(n)];
        var pairs = Pairs(n);
        var unique = 0L;
        for (var first = 0; first < pairs.Length; first++)
        for (var second = 0; second <= first; second++)
        {
            var ((i, j), (k, l)) = (pairs[first], pairs[second]);
            positions[unique++] = ((long)(i * n + j) * n + k) * n + l;
        }
        return torch.tensor(positions);
    }

    /// <summary>The full tensor from its unique entries (differentiable).</summary>
    /// <param name="packed">w: [<see cref="Count"/>(N)] float64.</param>
    /// <param name="n">N ≥ 1.</param>
    /// <returns>W: [N, N, N, N] float64 with all eight symmetries exactly.</returns>
    public static Tensor Expand(Tensor packed, int n)
    {
        RequirePacked(packed, n, nameof(packed));
        using var scope = torch.NewDisposeScope();
        return packed.index_select(0, ExpansionIndex(n)).reshape(n, n, n, n).MoveToOuterDisposeScope();
    }

    /// <summary>The canonical entries of a tensor (its other entries are ignored; for a symmetric tensor they are equal).</summary>
    /// <param name="tensor">T: [N, N, N, N] float64.</param>
    /// <returns>[<see cref="Count"/>(N)] float64, a new tensor.</returns>
    public static Tensor Pack(Tensor tensor)
    {
        if (tensor.dtype != ScalarType.Float64) throw new ArgumentException($"the tensor must be float64, not {tensor.dtype}", nameof(tensor));
        if (tensor.dim() != 4 || tensor.shape[0] < 1 || tensor.shape.Any(s => s != tensor.shape[0]))
            throw new ArgumentException($"the tensor must have shape [N, N, N, N], not [{string.Join(", ", tensor.shape)}]", nameof(tensor));
        var n = (int)tensor.shape[0];
        using var scope = torch.NewDisposeScope();
        return tensor.reshape(-1).index_select(0, CanonicalPositions(n)).MoveToOuterDisposeScope();
    }

    /// <summary>The pairs (i, j), i ≥ j, in compound-index order.</summary>
    internal static (int I, int J)[] Pairs(int n)
    {
        RequireSize(n);
        var pairs = new (int, int)[PairCount(n)];
        var p = 0;
        for (var i = 0; i < n; i++)
        for (var j = 0; j <= i; j++)
            pairs[p++] = (i, j);
        return pairs;
    }

    /// <summary>Throws unless <paramref name="packed"/> is [<see cref="Count"/>(n)] float64.</summary>
    internal static void RequirePacked(Tensor packed, int n, string parameterName)
    {
        if (packed.dtype != ScalarType.Float64) throw new ArgumentException($"the packed entries must be float64, not {packed.dtype}", parameterName);
        if (packed.dim() != 1 || packed.shape[0] != Count(n))
            throw new ArgumentException($"the packed entries must have shape [{Count(n)}] for N = {n}, not [{string.Join(", ", packed.shape)}]", parameterName);
    }

    private static void RequireSize(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "the basis size must be positive");
    }
}
