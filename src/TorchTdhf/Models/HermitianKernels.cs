using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// A real linear map G_ij = Σ_kl K[ij, kl] P_kl that sends Hermitian matrices to Hermitian matrices, applied to a
/// batch through its packed triangles: Re P on the N(N+1)/2 pairs k ≤ l, Im P on the N(N−1)/2 pairs k &lt; l.
/// </summary>
/// <remarks>
/// K must map symmetric matrices to symmetric ones and antisymmetric to antisymmetric (true of the HF bracket
/// (ij|kl) − ½(ik|jl)). Then, with Pₕ = ½(P + P†),
/// <code>
/// Re G_ij = Σ_{k≤l} S[ij, kl] (Re P_kl + Re P_lk),   S[ij, kl] = ½(K[ij, kl] + K[ij, lk]), halved again for k = l
/// Im G_ij = Σ_{k&lt;l} A[ij, kl] (Im P_kl − Im P_lk),   A[ij, kl] = ½(K[ij, kl] − K[ij, lk])
/// </code>
/// for i ≤ j and i &lt; j, and the rest of G follows from its Hermiticity, so the result is Hermitian to the last bit.
/// </remarks>
internal sealed class HermitianKernels : IDisposable
{
    // Sᵀ [Ms, Ms] and Aᵀ [Ma, Ma], so that packed rows [B, M] multiply them from the left.
    private readonly Tensor _symmetricTransposed;
    private readonly Tensor _antisymmetricTransposed;

    // Positions in view_as_real(P) flattened to [B, 2N²] of Re P_kl (k ≤ l) and of the mirrored Re P_lk, then of
    // Im P_kl and Im P_lk (k < l): [1, Ms] and [1, Ma] each.
    private readonly Tensor _realUpper;
    private readonly Tensor _realLower;
    private readonly Tensor _imaginaryUpper;
    private readonly Tensor _imaginaryLower;

    // For every (real, imaginary) slot of G [N, N, 2], its source in [Re G (Ms) | Im G (Ma) | −Im G (Ma) | 0].
    private readonly Tensor _unpack;

    /// <summary>Folds <paramref name="kernel"/> into the packed matrices.</summary>
    /// <param name="kernel">K: [N², N²] float64, rows ij and columns kl flattened row-major.</param>
    /// <param name="n">N.</param>
    public HermitianKernels(Tensor kernel, int n)
    {
        N = n;
        var (symmetricPairs, antisymmetricPairs) = (n * (n + 1) / 2, n * (n - 1) / 2);
        SymmetricCount = symmetricPairs;
        AntisymmetricCount = antisymmetricPairs;
        var upperFlat = new long[symmetricPairs];
        var lowerFlat = new long[symmetricPairs];
        var isDiagonal = new double[symmetricPairs];
        var strictIndex = new int[n, n];
        var symmetricIndex = new int[n, n];
        var (s, a) = (0, 0);
        for (var k = 0; k < n; k++)
        for (var l = k; l < n; l++)
        {
            upperFlat[s] = k * n + l;
            lowerFlat[s] = l * n + k;
            isDiagonal[s] = k == l ? 1 : 0;
            symmetricIndex[k, l] = symmetricIndex[l, k] = s++;
            if (k < l) strictIndex[k, l] = strictIndex[l, k] = a++;
        }
        var strictSelection = Enumerable.Range(0, symmetricPairs).Where(p => isDiagonal[p] == 0).ToArray();
        var upperStrict = strictSelection.Select(p => upperFlat[p]).ToArray();
        var lowerStrict = strictSelection.Select(p => lowerFlat[p]).ToArray();

        using var scope = torch.NewDisposeScope();
        var k2 = kernel.detach();
        var rowsSymmetric = k2.index_select(0, torch.tensor(upperFlat));
        var halveDiagonal = 1 - 0.5 * torch.tensor(isDiagonal);
        var symmetric = 0.5 * (rowsSymmetric.index_select(1, torch.tensor(upperFlat)) + rowsSymmetric.index_select(1, torch.tensor(lowerFlat))) * halveDiagonal;
        var rowsAntisymmetric = k2.index_select(0, torch.tensor(upperStrict));
        var antisymmetric = 0.5 * (rowsAntisymmetric.index_select(1, torch.tensor(upperStrict)) - rowsAntisymmetric.index_select(1, torch.tensor(lowerStrict)));
        _symmetricTransposed = symmetric.mT.contiguous().DetachFromDisposeScope();
        _antisymmetricTransposed = antisymmetric.mT.contiguous().DetachFromDisposeScope();

        Tensor Positions(IEnumerable<long> flat, int part) => torch.tensor(flat.Select(f => 2 * f + part).ToArray()).unsqueeze(0).DetachFromDisposeScope();
        _realUpper = Positions(upperFlat, 0);
        _realLower = Positions(lowerFlat, 0);
        _imaginaryUpper = Positions(upperStrict, 1);
        _imaginaryLower = Positions(lowerStrict, 1);

        var unpack = new long[2 * n * n];
        var zero = symmetricPairs + 2 * antisymmetricPairs;
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        {
            unpack[2 * (i * n + j)] = symmetricIndex[i, j];
            unpack[2 * (i * n + j) + 1] = i == j ? zero : i < j ? symmetricPairs + strictIndex[i, j] : symmetricPairs + antisymmetricPairs + strictIndex[i, j];
        }
        _unpack = torch.tensor(unpack).unsqueeze(0).DetachFromDisposeScope();
    }

    /// <summary>N.</summary>
    public int N { get; }

    /// <summary>N(N+1)/2, the order of the symmetric kernel.</summary>
    public int SymmetricCount { get; }

    /// <summary>N(N−1)/2, the order of the antisymmetric kernel.</summary>
    public int AntisymmetricCount { get; }

    /// <summary>2·Ms² + 2·Ma²: the real floating-point operations of the two products per matrix.</summary>
    public long FlopsPerDensity => 2L * SymmetricCount * SymmetricCount + 2L * AntisymmetricCount * AntisymmetricCount;

    /// <summary>G(½(P + P†)) for a batch.</summary>
    /// <param name="density">P: [B, N, N] complex128.</param>
    /// <returns>[B, N, N] complex128, exactly Hermitian.</returns>
    public Tensor Apply(Tensor density)
    {
        var batch = density.shape[0];
        using var scope = torch.NewDisposeScope();
        var flat = torch.view_as_real(density.resolve_conj().contiguous()).reshape(batch, 2L * N * N);
        // gather with a broadcast (stride-0) index is several times faster than index_select along the row, and
        // packing the two parts separately gives the products contiguous operands, which they run faster on.
        Tensor Gather(Tensor positions) => flat.gather(1, positions.expand(batch, positions.shape[1]));
        var symmetric = Gather(_realUpper).add_(Gather(_realLower));
        var antisymmetric = Gather(_imaginaryUpper).sub_(Gather(_imaginaryLower));
        var real = symmetric.matmul(_symmetricTransposed);
        var imaginary = antisymmetric.matmul(_antisymmetricTransposed);
        var sources = torch.cat(new[] { real, imaginary, imaginary.neg(), torch.zeros(batch, 1, ScalarType.Float64) }, 1);
        var interleaved = sources.gather(1, _unpack.expand(batch, _unpack.shape[1])).reshape(batch, N, N, 2);
        return torch.view_as_complex(interleaved).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _symmetricTransposed.Dispose();
        _antisymmetricTransposed.Dispose();
        _realUpper.Dispose();
        _realLower.Dispose();
        _imaginaryUpper.Dispose();
        _imaginaryLower.Dispose();
        _unpack.Dispose();
    }
}
