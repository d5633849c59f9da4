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
/// antisymmetric, and only the triangle rows of <see cref="HermitianPacking"/> enter: s [B, Ms] from S on the
/// Ms = N(N+1)/2 pairs k ≤ l and a [B, Ma] from A on the Ma = N(N−1)/2 pairs k &lt; l.</para>
/// <para><b>Linear map.</b> Folding the k ↔ l terms of Σ_kl K[ij, kl] Pₕ_kl together gives G = Unpack(s Ts, a Ta) with</para>
/// <code>
/// Ts[kl, ij] = ½ (K[ij, kl] + K[ij, lk]) = W_ijkl − ¼ W_ikjl − ¼ W_iljk
/// Ta[kl, ij] = ½ (K[ij, kl] − K[ij, lk]) = ¼ (W_iljk − W_ikjl)
/// </code>
/// <para>(the Coulomb term W_ijkl is symmetric in k ↔ l and drops out of Ta). Ts and Ta are a sparse linear image
/// L θ of the parameters (<see cref="EightFoldKernels"/>, O(N⁴) gathers), and a batch costs two real GEMMs
/// [B, Ms]·[Ms, Ms] and [B, Ma]·[Ma, Ma], a quarter of the dense [2B, N²]·[N², N²] product, followed by the unpacking
/// of the triangles, which writes both halves of G from one number and so makes G exactly Hermitian.
/// <see cref="ITwoElectronPotential.Apply"/> keeps θ = w and P in the autograd graph; <see cref="ApplyWith"/> and
/// <see cref="Adjoint"/> detach both.</para>
/// <para><b>Adjoint.</b> Packing is the adjoint of unpacking, so, summed over the batch,
/// ⟨ApplyWith(θ, P), Y⟩ = Σ_b [sᵀ Ts s(Y) + aᵀ Ta a(Y)] = ⟨Ts, dTs⟩ + ⟨Ta, dTa⟩ with the two GEMMs
/// dTs = sᵀ s(Y) [Ms, B]·[B, Ms] and dTa = aᵀ a(Y) [Ma, B]·[B, Ma], and Adjoint(P, Y) = Lᵀ(dTs, dTa).
/// Lᵀ is the fold back to the unique entries: every entry dTs[kl, ij] adds 1 to the parameter of the orbit of
/// (ij|kl) and −¼ to those of (ik|jl) and (il|jk); every entry dTa[kl, ij] adds ¼ at the orbit of (il|jk) and
/// −¼ at that of (ik|jl). This is the sum, over each orbit of the eight permutations, of the gradient with respect to
/// the full kernel K, with the −½ exchange term mapped through the index swap j ↔ k.</para>
/// <para>Cost: <see cref="FlopsPerApply"/> and <see cref="FlopsPerAdjoint"/> count the GEMMs, B·N²(N² + 1) real flops
/// each; the O(N⁴) gathers and scatters of L and the O(B N²) packing are not counted.</para>
/// </remarks>
public sealed class SymmetricTensorModel : nn.Module<Tensor, Tensor>, IPackedDensityPotential
{
    private const string WeightName = "w";

    private readonly Parameter _packed;
    private readonly EightFoldKernels _kernels;
    private readonly HermitianPacking _packing;

    /// <summary>A model of basis size <paramref name="n"/> with all parameters zero (G ≡ 0).</summary>
    /// <param name="n">N ≥ 1.</param>
    public SymmetricTensorModel(int n) : this(n, torch.zeros(EightFoldPacking.Count(n), ScalarType.Float64))
    {
    }

    private SymmetricTensorModel(int n, Tensor packed) : base(nameof(SymmetricTensorModel))
    {
        BasisSize = n;
        _packing = new HermitianPacking(n);
        _kernels = new EightFoldKernels(_packing);
        _packed = new Parameter(packed, requires_grad: true);
        register_parameter(WeightName, _packed);
    }

    /// <summary>A model with independent normal parameters of standard deviation <paramref name="scale"/>.</summary>
    /// <param name="n">N ≥ 1.</param>
    /// <param name="seed">Seed of the random generator; equal seeds give equal models.</param>
    /// <param name="scale">Standard deviation of every unique entry.</param>
    public static SymmetricTensorModel Random(int n, int seed, double scale = 1.0)
        => new(n, FlatParameters.Normal(EightFoldPacking.Count(n), seed, scale));

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
    public long FlopsPerApply(long batch) => batch * _packing.FlopsPerMatrix;

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
        return _packing.Apply(symmetricKernel, antisymmetricKernel, density).MoveToOuterDisposeScope();
    }

    /// <summary>Same as <see cref="Apply"/>.</summary>
    public override Tensor forward(Tensor density) => Apply(density);

    /// <inheritdoc />
    public Tensor ApplyWith(Tensor theta, Tensor density)
    {
        RequireTheta(theta);
        DensityArguments.RequireBatch(density, BasisSize, nameof(density));
        using var scope = torch.NewDisposeScope();
        var (symmetricKernel, antisymmetricKernel) = _kernels.Build(theta.detach());
        return _packing.Apply(symmetricKernel, antisymmetricKernel, density.detach()).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Adjoint(Tensor density, Tensor cotangent) => _packing.ParameterAdjoint(this, density, cotangent);

    /// <summary>N², the triangle rows (s | a) of <see cref="HermitianPacking.PackRows"/>.</summary>
    public long PackedDensityLength => _packing.RowLength;

    /// <inheritdoc />
    public Tensor PackDensities(Tensor density) => _packing.PackDensities(density);

    /// <inheritdoc />
    public (Tensor Symmetric, Tensor Antisymmetric) Kernels(Tensor theta)
    {
        RequireTheta(theta);
        return _kernels.Build(theta.detach());
    }

    /// <inheritdoc />
    public Tensor ApplyKernels(Tensor symmetricKernel, Tensor antisymmetricKernel, Tensor packedDensity) =>
        _packing.ApplyPacked(symmetricKernel, antisymmetricKernel, packedDensity);

    /// <inheritdoc />
    public (Tensor Symmetric, Tensor Antisymmetric) KernelAdjoint(Tensor packedDensity, Tensor cotangent) =>
        _packing.KernelAdjointPacked(packedDensity, cotangent);

    /// <inheritdoc />
    public Tensor ParameterAdjoint(Tensor symmetric, Tensor antisymmetric) => _kernels.Fold(symmetric, antisymmetric);

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
            _packing.Dispose();
        }
        base.Dispose(disposing);
    }

    private void RequireTheta(Tensor theta) => EightFoldPacking.RequirePacked(theta, BasisSize, nameof(theta));
}
