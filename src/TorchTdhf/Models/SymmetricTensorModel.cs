using TorchSharp;
using TorchSharp.Modules;
using TorchTdhf.Chemistry;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// The learnable potential with the eight-fold permutation symmetry of real ERIs built in: its one parameter
/// <c>w</c> holds the unique entries (<see cref="EightFoldPacking"/>) of a tensor W [N, N, N, N], and
/// G(P)_ij = Σ_kl [W_ijkl − ½ W_ikjl] P_kl is built from W exactly as the true potential from the integrals.
/// </summary>
/// <remarks>
/// <para><b>Hermitian part.</b> G is evaluated on Pₕ = ½(P + P†), which is P for every density. Write Pₕ = S + iA with
/// S real symmetric and A real antisymmetric. The symmetries of W make K[ij, kl] = W_ijkl − ½ W_ikjl map symmetric
/// matrices to symmetric ones and antisymmetric to antisymmetric ones, so Re G = K S is symmetric, Im G = K A is
/// antisymmetric, and only lower triangles enter (<see cref="HermitianTriangles"/>): x_s[b, kl] = 2 S_kl on the
/// Ms = N(N+1)/2 pairs k ≥ l and x_a[b, kl] = 2 A_kl on the Ma = N(N−1)/2 pairs k &gt; l.</para>
/// <para><b>Linear map.</b> Folding the k ↔ l terms of Σ_kl K[ij, kl] Pₕ_kl together, with c_kl = ½ for k = l and
/// 1 otherwise (the diagonal of x_s carries a factor 2 that the fold does not),</para>
/// <code>
/// Re G_ij = Σ_{k≥l} Ts[kl, ij] x_s[kl],   Ts[kl, ij] = ½ c_kl (K[ij, kl] + K[ij, lk]) = c_kl (W_ijkl − ¼ W_ikjl − ¼ W_iljk)
/// Im G_ij = Σ_{k&gt;l} Ta[kl, ij] x_a[kl],   Ta[kl, ij] = ½ (K[ij, kl] − K[ij, lk])    = ¼ (W_iljk − W_ikjl)
/// </code>
/// <para>(the Coulomb term W_ijkl is symmetric in k ↔ l and drops out of Ta). Ts and Ta are a sparse linear image
/// L θ of the parameters (<see cref="EightFoldKernels"/>, O(N⁴) gathers), and a batch costs two real GEMMs
/// [B, Ms]·[Ms, Ms] and [B, Ma]·[Ma, Ma], a quarter of the dense [2B, N²]·[N², N²] product, followed by the unpacking
/// of the triangles, which writes both halves of G from one number and so makes G exactly Hermitian.
/// <see cref="ITwoElectronPotential.Apply"/> forms x from P + P† and keeps θ = w in the autograd graph.
/// <see cref="ApplyWith"/> takes P Hermitian, as the interface requires, and gathers only its lower triangles
/// x_low = ½ x (one gather instead of two, then ½ x_low·(2T) = x·T with the factor 2 applied to the small kernels);
/// for exactly Hermitian P the two agree to the last bit.</para>
/// <para><b>Adjoint.</b> For Hermitian G, ⟨G, Y⟩ = Re Σ conj(G_ij) Y_ij = Σ_{i≥j} Re G_ij z_s[ij] + Σ_{i&gt;j} Im G_ij z_a[ij]
/// with z_s[ij] = c_ij (Re Y_ij + Re Y_ji) and z_a[ij] = Im Y_ij − Im Y_ji. Hence, summed over the batch,
/// ⟨ApplyWith(θ, P), Y⟩ = Σ_b [x_sᵀ Ts z_s + x_aᵀ Ta z_a] = ⟨Ts, dTs⟩ + ⟨Ta, dTa⟩ with the two GEMMs
/// dTs = x_sᵀ z_s [Ms, B]·[B, Ms] and dTa = x_aᵀ z_a [Ma, B]·[B, Ma] (x = 2 x_low again), and Adjoint(P, Y) = Lᵀ(dTs, dTa).
/// Lᵀ is the fold back to the unique entries: every entry dTs[kl, ij] adds c_kl to the parameter of the orbit of
/// (ij|kl) and −¼ c_kl to those of (ik|jl) and (il|jk); every entry dTa[kl, ij] adds ¼ at the orbit of (il|jk) and
/// −¼ at that of (ik|jl). This is the sum, over each orbit of the eight permutations, of the gradient with respect to
/// the full kernel K, with the −½ exchange term mapped through the index swap j ↔ k.</para>
/// <para>Cost: <see cref="FlopsPerApply"/> and <see cref="FlopsPerAdjoint"/> count the GEMMs, B·N²(N² + 1) real flops
/// each; the O(N⁴) gathers and scatters of L and the O(B N²) packing are not counted.</para>
/// </remarks>
public sealed class SymmetricTensorModel : nn.Module<Tensor, Tensor>, ILearnablePotential
{
    private const string WeightName = "w";

    private readonly Parameter _packed;
    private readonly EightFoldKernels _kernels;
    private readonly HermitianTriangles _triangles;

    /// <summary>A model of basis size <paramref name="n"/> with all parameters zero (G ≡ 0).</summary>
    /// <param name="n">N ≥ 1.</param>
    public SymmetricTensorModel(int n) : this(n, torch.zeros(EightFoldPacking.Count(n), ScalarType.Float64))
    {
    }

    private SymmetricTensorModel(int n, Tensor packed) : base(nameof(SymmetricTensorModel))
    {
        BasisSize = n;
        _kernels = new EightFoldKernels(n);
        _triangles = new HermitianTriangles(n);
        _packed = new Parameter(packed, requires_grad: true);
        register_parameter(WeightName, _packed);
    }

    /// <summary>A model with independent normal parameters of standard deviation <paramref name="scale"/>.</summary>
    /// <param name="n">N ≥ 1.</param>
    /// <param name="seed">Seed of the random generator; equal seeds give equal models.</param>
    /// <param name="scale">Standard deviation of every unique entry.</param>
    public static SymmetricTensorModel Random(int n, int seed, double scale = 1.0)
    {
        using var generator = new Generator((ulong)seed);
        var count = EightFoldPacking.Count(n);
        return new SymmetricTensorModel(n, torch.randn(new[] { count }, ScalarType.Float64, generator: generator).mul_(scale));
    }

    /// <summary>The model whose W is the true integrals: w = their unique (canonical) entries.</summary>
    /// <param name="eri">(ij|kl): [N, N, N, N] float64, orthonormal basis, chemists' notation, eight-fold symmetric.</param>
    public static SymmetricTensorModel FromTrue(Tensor eri)
    {
        if (eri.dtype != ScalarType.Float64) throw new ArgumentException($"the integrals must be float64, not {eri.dtype}", nameof(eri));
        if (eri.dim() != 4 || eri.shape[0] < 1 || eri.shape.Any(s => s != eri.shape[0]))
            throw new ArgumentException($"the integrals must have shape [N, N, N, N], not [{string.Join(", ", eri.shape)}]", nameof(eri));
        return new SymmetricTensorModel((int)eri.shape[0], EightFoldPacking.Pack(eri.detach()));
    }

    /// <summary>The model whose W is the system's orthonormal integrals (<see cref="MolecularSystem.Eri"/>).</summary>
    public static SymmetricTensorModel FromTrue(MolecularSystem system) => FromTrue(system.Eri);

    /// <inheritdoc />
    public ModelKind Kind => ModelKind.Symm;

    /// <inheritdoc />
    public nn.Module Module => this;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; } = new[] { WeightName };

    /// <summary>N(N+1)(N²+N+2)/8, the number of unique entries of W.</summary>
    public long ParameterCount => _kernels.ParameterCount;

    /// <inheritdoc />
    public int BasisSize { get; }

    /// <inheritdoc />
    public bool IsExactlyHermitian => true;

    /// <summary>Real flops of <see cref="ApplyWith"/> for <paramref name="batch"/> densities: 2B(Ms² + Ma²) = B·N²(N² + 1).</summary>
    public long FlopsPerApply(long batch) => 2 * batch * ((long)_kernels.SymmetricCount * _kernels.SymmetricCount + (long)_kernels.AntisymmetricCount * _kernels.AntisymmetricCount);

    /// <summary>Real flops of <see cref="Adjoint"/> for <paramref name="batch"/> densities: the same B·N²(N² + 1).</summary>
    public long FlopsPerAdjoint(long batch) => FlopsPerApply(batch);

    /// <summary>The full tensor W of the current parameters, for inspection.</summary>
    /// <returns>[N, N, N, N] float64, orthonormal basis, chemists' notation; a detached copy.</returns>
    public Tensor Expand() => EightFoldPacking.Expand(_packed.detach(), BasisSize);

    /// <inheritdoc />
    public Tensor Apply(Tensor density)
    {
        DensityArguments.RequireBatch(density, BasisSize, nameof(density));
        using var scope = torch.NewDisposeScope();
        var (symmetricKernel, antisymmetricKernel) = _kernels.Build(_packed);
        return Evaluate(symmetricKernel, antisymmetricKernel, _triangles.PackHermitianPart(density)).MoveToOuterDisposeScope();
    }

    /// <summary>Same as <see cref="Apply"/>.</summary>
    public override Tensor forward(Tensor density) => Apply(density);

    /// <inheritdoc />
    /// <remarks>Reads only the lower triangle of <paramref name="density"/>, which must be Hermitian.</remarks>
    public Tensor ApplyWith(Tensor theta, Tensor density)
    {
        RequireTheta(theta);
        DensityArguments.RequireBatch(density, BasisSize, nameof(density));
        using var scope = torch.NewDisposeScope();
        var (symmetricKernel, antisymmetricKernel) = _kernels.Build(theta.detach());
        // The lower triangle is half of what PackHermitianPart gives; the factor 2 goes into the small kernels.
        return Evaluate(symmetricKernel.mul_(2), antisymmetricKernel.mul_(2), _triangles.PackLower(density.detach())).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    /// <remarks>Reads only the lower triangle of <paramref name="density"/>, which must be Hermitian.</remarks>
    public Tensor Adjoint(Tensor density, Tensor cotangent)
    {
        DensityArguments.RequireBatch(density, BasisSize, nameof(density));
        DensityArguments.RequireBatch(cotangent, BasisSize, nameof(cotangent));
        if (cotangent.shape[0] != density.shape[0])
            throw new ArgumentException($"the cotangent batch ({cotangent.shape[0]}) must match the density batch ({density.shape[0]})", nameof(cotangent));
        using var scope = torch.NewDisposeScope();
        var (ms, ma) = (_triangles.SymmetricCount, _triangles.AntisymmetricCount);
        var lower = _triangles.PackLower(density.detach());
        var weights = _triangles.PackCotangent(cotangent.detach());
        var symmetric = lower.narrow(1, 0, ms).mT.matmul(weights.narrow(1, 0, ms));
        var antisymmetric = lower.narrow(1, ms, ma).mT.matmul(weights.narrow(1, ms, ma));
        return _kernels.Fold(symmetric, antisymmetric).mul_(2).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor GetParameters() => _packed.detach().clone();

    /// <inheritdoc />
    public void SetParameters(Tensor theta)
    {
        RequireTheta(theta);
        using var noGrad = torch.no_grad();
        _packed.copy_(theta);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _kernels.Dispose();
            _triangles.Dispose();
        }
        base.Dispose(disposing);
    }

    // The two products on the packed triangles [B, Ms + Ma] (narrow views: BLAS reads them in place).
    private Tensor Evaluate(Tensor symmetricKernel, Tensor antisymmetricKernel, Tensor packed)
    {
        var (ms, ma) = (_triangles.SymmetricCount, _triangles.AntisymmetricCount);
        using var scope = torch.NewDisposeScope();
        var symmetric = packed.narrow(1, 0, ms).matmul(symmetricKernel);
        var antisymmetric = packed.narrow(1, ms, ma).matmul(antisymmetricKernel);
        return _triangles.Unpack(symmetric, antisymmetric).MoveToOuterDisposeScope();
    }

    private void RequireTheta(Tensor theta) => EightFoldPacking.RequirePacked(theta, BasisSize, nameof(theta));
}
