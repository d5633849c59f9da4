using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Training.Preconditioning;

/// <summary>
/// The normal matrix of derivative matching in the kernel coordinates (W_s, W_a) that every packed model folds its
/// parameters into (<see cref="IPackedDensityPotential"/>): N_k = Σ_s J_sᵀ J_s, where J_s maps the kernels to the
/// anti-Hermitian coordinates of [G(P_s), P_s]. It depends on the samples only, not on the model, and it is what
/// <see cref="PreconditionedRidge"/> factorises.
/// </summary>
/// <remarks>
/// <para><b>Structure.</b> With x_s = (s | a) the packed density of sample s and y = (s W_s | a W_a) the packed
/// potential, the commutator's coordinates are O_s y, where column m of O_s [N², N²] is the coordinates of
/// [E_m, P_s] for the m-th Hermitian basis matrix E_m = Unpack(e_m). So the entry of N_k between kernel entries
/// (kl, ij) and (k′l′, i′j′) is Σ_s x_s[kl] x_s[k′l′] Q_s[ij, i′j′] with Q_s = O_sᵀ O_s: a sum of Kronecker products
/// that one GEMM per block forms, [M·M′, S]·[S, M·M′], for the blocks (W_s, W_s), (W_s, W_a) and (W_a, W_a) with
/// M, M′ ∈ {Ms, Ma}; the two same-kind blocks are symmetric in (kl, k′l′), so only kl ≤ k′l′ is formed.
/// S(Ms⁴ + 2Ms²Ma² + Ma⁴) ≈ S·N⁸/16 flops (1.3 minutes at N = 14, S = 20 001, on two cores), memory (Ms² + Ma²)² reals
/// and as much again while it is assembled: for the small bases where it pays (N ≲ 16), never for N = 29.</para>
/// <para><b>Layout.</b> Kernel coordinates are W_s flattened row-major ([kl, ij], kl the density pair) followed by
/// W_a flattened the same way: the layout <see cref="IPackedDensityPotential.Kernels"/> returns.</para>
/// </remarks>
public static class KernelGram
{
    // Bytes for the largest temporary of a chunk, the products E_m P_s: [chunk, N², N, N] complex128. Chunks of a few
    // hundred samples give the accumulating GEMMs an inner dimension long enough to run near peak.
    private const long ChunkBytes = 256L << 20;

    /// <summary>Ms² + Ma²: the number of kernel coordinates of order <paramref name="n"/>.</summary>
    public static long Dimension(int n) => Square(n * (n + 1L) / 2) + Square(n * (n - 1L) / 2);

    /// <summary>N_k for the samples, with the packing and commutator conventions of <paramref name="model"/>.</summary>
    /// <param name="model">Any packed model of the samples' basis size (only its packing is used, not its parameters).</param>
    /// <param name="samples">The training samples (orthonormal basis).</param>
    /// <param name="coordinates">The residual space's coordinates of order N.</param>
    /// <returns>[Ms² + Ma², Ms² + Ma²] float64, symmetric positive semidefinite up to the rounding of its two
    /// triangles (a Cholesky factorisation reads one).</returns>
    public static Tensor Compute(IPackedDensityPotential model, TrainingSet samples, AntiHermitianCoordinates coordinates)
    {
        var n = samples.BasisSize;
        if (model.BasisSize != n || coordinates.N != n)
            throw new ArgumentException($"the model (N = {model.BasisSize}), the coordinates (N = {coordinates.N}) and the samples (N = {n}) must agree", nameof(model));
        var ms = n * (n + 1L) / 2;
        var ma = n * (n - 1L) / 2;
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var basis = HermitianBasis(model, ms, ma);
        var (symmetricPairs, antisymmetricPairs) = (new PairProducts(ms), new PairProducts(ma));
        var ss = torch.zeros(symmetricPairs.Count, ms * ms, ScalarType.Float64);
        var sa = torch.zeros(ms * ma, ms * ma, ScalarType.Float64);
        var aa = torch.zeros(antisymmetricPairs.Count, ma * ma, ScalarType.Float64);
        var chunkSamples = Math.Max(16, ChunkBytes / (16 * Square((long)n * n)));
        for (var start = 0L; start < samples.Count; start += chunkSamples)
        {
            using var chunk = torch.NewDisposeScope();
            var length = Math.Min(chunkSamples, samples.Count - start);
            var (density, _) = samples.Chunk(start, length);
            var x = model.PackDensities(density);
            var q = CommutatorGram(basis, density, coordinates);
            var (s, a) = (x.narrow(1, 0, ms), x.narrow(1, ms, ma));
            Accumulate(ss, symmetricPairs.Of(s), q.narrow(1, 0, ms).narrow(2, 0, ms));
            Accumulate(sa, s.unsqueeze(2).mul(a.unsqueeze(1)).reshape(length, -1), q.narrow(1, 0, ms).narrow(2, ms, ma));
            Accumulate(aa, antisymmetricPairs.Of(a), q.narrow(1, ms, ma).narrow(2, ms, ma));
        }
        var d = ms * ms + ma * ma;
        var gram = torch.empty(d, d, ScalarType.Float64);
        Place(gram, 0, 0, symmetricPairs.Expand(ss), ms, ms);
        Place(gram, 0, ms * ms, sa, ms, ma);
        gram.narrow(0, ms * ms, ma * ma).narrow(1, 0, ms * ms).copy_(gram.narrow(0, 0, ms * ms).narrow(1, ms * ms, ma * ma).mT);
        Place(gram, ms * ms, ms * ms, antisymmetricPairs.Expand(aa), ma, ma);
        return gram.MoveToOuterDisposeScope();
    }

    private static long Square(long m) => m * m;

    // E_m = Unpack(e_m) for the N² packed coordinates m: [N², N, N] complex128, from the model's own unpacking.
    private static Tensor HermitianBasis(IPackedDensityPotential model, long ms, long ma)
    {
        using var scope = torch.NewDisposeScope();
        var identity = torch.eye(ms + ma, dtype: ScalarType.Float64);
        return model.ApplyKernels(torch.eye(ms, dtype: ScalarType.Float64), torch.eye(ma, dtype: ScalarType.Float64), identity).MoveToOuterDisposeScope();
    }

    // Q_s = O_sᵀ O_s for every density of the chunk, O_s[:, m] the coordinates of [E_m, P_s]: [B, N², N²] float64.
    private static Tensor CommutatorGram(Tensor basis, Tensor density, AntiHermitianCoordinates coordinates)
    {
        var batch = density.shape[0];
        var count = basis.shape[0];
        var n = density.shape[1];
        using var scope = torch.NewDisposeScope();
        var products = basis.unsqueeze(0).matmul(density.unsqueeze(1)).reshape(batch * count, n, n);
        var columns = DerivativeResidual.CommutatorCoordinates(coordinates, products).reshape(batch, count, count);
        return columns.matmul(columns.mT).MoveToOuterDisposeScope();
    }

    // block[rows, (ij, i′j′)] += Σ_s products_s[rows] q_s[ij, i′j′].
    private static void Accumulate(Tensor block, Tensor products, Tensor q) =>
        block.addmm_(products.mT, q.reshape(q.shape[0], -1));

    // Writes block[(kl, k′l′), (ij, i′j′)] (kl, ij over m pairs; k′l′, i′j′ over m′) into the gram's rows (kl, ij) from
    // row0 and columns (k′l′, i′j′) from column0, without an intermediate copy.
    private static void Place(Tensor gram, long row0, long column0, Tensor block, long m, long mPrime) =>
        gram.narrow(0, row0, m * m).narrow(1, column0, mPrime * mPrime).view(m, m, mPrime, mPrime)
            .copy_(block.view(m, mPrime, m, mPrime).permute(0, 2, 1, 3));

    // The products v[kl]·v[k′l′] of one vector's entries over the pairs kl ≤ k′l′ only (the Kronecker blocks of one
    // kind are symmetric in (kl, k′l′), which halves their GEMM), and the expansion back to all m² pairs.
    private sealed class PairProducts
    {
        private readonly long _m;
        private readonly Tensor _first;
        private readonly Tensor _second;
        private readonly Tensor _expansion;

        public PairProducts(long m)
        {
            _m = m;
            var (first, second) = (new List<long>(), new List<long>());
            var position = new long[m, m];
            for (var i = 0L; i < m; i++)
            for (var j = i; j < m; j++)
            {
                position[i, j] = position[j, i] = first.Count;
                first.Add(i);
                second.Add(j);
            }
            _first = torch.tensor(first.ToArray());
            _second = torch.tensor(second.ToArray());
            _expansion = torch.tensor(position.Cast<long>().ToArray());
        }

        public long Count => _first.shape[0];

        // [B, m] → [B, Count].
        public Tensor Of(Tensor v) => v.index_select(1, _first).mul_(v.index_select(1, _second));

        // [Count, columns] → [m², columns].
        public Tensor Expand(Tensor reduced) => reduced.index_select(0, _expansion);
    }
}
