using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Training;

/// <summary>
/// The Golub–Kahan domain vectors v₁, v₂, … that <see cref="Lsmr"/> keeps in order to reorthogonalise every new v
/// against them (one-sided reorthogonalisation: Simon &amp; Zha, SIAM J. Sci. Comput. 21, 2257, 2000; also in Fong &amp;
/// Saunders 2011).
/// </summary>
/// <remarks>
/// <para><b>Why.</b> Without it the v's lose orthogonality in floating point as soon as singular values converge;
/// copies of the converged ones reappear and the iteration stalls on ill-conditioned problems (derivative matching on
/// one trajectory: KᵀK spans more than twenty decades). With it LSMR behaves as in exact arithmetic and ends at the
/// least-squares solution after about rank(A) iterations.</para>
/// <para><b>Cost.</b> Each vector is kept in the real view of the domain (<see cref="RealVectors.AsReal"/>), n reals;
/// reorthogonalising costs one or two passes of classical Gram–Schmidt, 4·k·n flops each with k vectors kept. At most
/// <see cref="Capacity"/> vectors are kept; later ones are still reorthogonalised against those, but not stored.
/// Storage grows by doubling, so a run that stops early never holds the whole capacity.</para>
/// </remarks>
internal sealed class LsmrBasis : IDisposable
{
    private Tensor? _rows;

    /// <summary>A basis that keeps up to <paramref name="capacity"/> vectors (0: none; reorthogonalisation off).</summary>
    public LsmrBasis(long capacity)
    {
        if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "the capacity must not be negative");
        Capacity = capacity;
    }

    /// <summary>The most vectors kept.</summary>
    public long Capacity { get; }

    /// <summary>Vectors kept so far.</summary>
    public long Count { get; private set; }

    /// <summary>Vectors that fit <paramref name="bytes"/> for a domain of <paramref name="realLength"/> float64 reals, and
    /// no more than the domain holds orthonormal vectors. It does not depend on the iteration limit, so a run resumed
    /// with a higher limit keeps as many as an uninterrupted one (storage grows only as vectors arrive).</summary>
    public static long CapacityFor(long bytes, long realLength) => Math.Max(0, Math.Min(bytes / (sizeof(double) * realLength), realLength));

    /// <summary>Restores the kept vectors exported by <see cref="Export"/>.</summary>
    /// <param name="rows">[Count, n] float64, Count ≥ 1 (copied).</param>
    /// <param name="capacity">The capacity the basis was created with.</param>
    /// <exception cref="TdhfInputException">More rows than the capacity.</exception>
    public static LsmrBasis From(Tensor rows, long capacity)
    {
        if (rows.dim() != 2 || rows.shape[0] < 1 || rows.shape[0] > capacity)
            throw new TdhfInputException($"the LSMR basis has shape [{string.Join(", ", rows.shape)}] but a capacity of {capacity} vectors", key: "basis");
        return new LsmrBasis(capacity) { _rows = rows.detach().clone().DetachFromDisposeScope(), Count = rows.shape[0] };
    }

    /// <summary>Removes from <paramref name="vector"/> (in place) its components along the kept vectors.</summary>
    /// <param name="vector">A contiguous domain vector.</param>
    public void Orthogonalise(Tensor vector)
    {
        if (Count == 0) return;
        using var scope = torch.NewDisposeScope();
        var rows = _rows!.narrow(0, 0, Count);
        var flat = RealVectors.AsReal(vector).view(-1);
        // Kahan–Parlett ("twice is enough"): a pass of classical Gram–Schmidt that keeps more than 1/√2 of the norm has
        // left v orthogonal to working precision; only a pass that cancelled more of it is repeated. Each pass reads the
        // whole basis twice, which at a few thousand kept vectors costs more than the operator products.
        var norm = flat.norm().item<double>();
        for (var pass = 0; pass < 2 && norm > 0; pass++)
        {
            flat.sub_(rows.mT.matmul(rows.matmul(flat)));
            var kept = flat.norm().item<double>();
            if (kept > norm * Math.Sqrt(0.5)) break;
            norm = kept;
        }
    }

    /// <summary>Keeps a copy of the unit vector <paramref name="vector"/>, unless the basis is full.</summary>
    public void Add(Tensor vector)
    {
        if (Count >= Capacity) return;
        using var scope = torch.NewDisposeScope();
        var flat = RealVectors.AsReal(vector).reshape(-1);
        if (_rows is null || Count == _rows.shape[0]) Grow(flat);
        _rows![Count].copy_(flat);
        Count++;
    }

    /// <summary>The kept vectors: [Count, n] float64, a copy owned by the caller.</summary>
    /// <exception cref="InvalidOperationException">No vector is kept yet.</exception>
    public Tensor Export() => Count > 0 ? _rows!.narrow(0, 0, Count).clone() : throw new InvalidOperationException("the basis holds no vector");

    /// <inheritdoc />
    public void Dispose() => _rows?.Dispose();

    private void Grow(Tensor flat)
    {
        var size = Math.Min(Capacity, Math.Max(64, 2 * Count));
        var grown = torch.empty(size, flat.shape[0], flat.dtype);
        if (_rows is not null)
        {
            grown.narrow(0, 0, Count).copy_(_rows.narrow(0, 0, Count));
            _rows.Dispose();
        }
        _rows = grown.DetachFromDisposeScope();
    }
}
