using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// A learnable potential whose parameters fold linearly into the two packed weight matrices of a Hermitian-preserving
/// map: G_θ(P) = Unpack(s(P) W_s(θ), a(P) W_a(θ)), with s, a the packed real and imaginary parts of the density.
/// The Tied and Herm models differ only in how θ folds into (W_s, W_a).
/// </summary>
/// <remarks>
/// <para>s, a are the rows of <see cref="HermitianPacking.Pack"/> (triangle order and conventions there): they depend
/// on P only through its Hermitian part Pₕ = ½(P + P†), and G is unpacked from its upper triangle, so G is exactly
/// Hermitian and <see cref="IsExactlyHermitian"/> holds for every θ.</para>
/// <para>Linear map: ApplyWith(v, P) = Unpack(s W_s(v), a W_a(v)) with s [B, Ms], a [B, Ma] (Ms = N(N+1)/2,
/// Ma = N(N−1)/2): two GEMMs (B × Ms)(Ms × Ms) and (B × Ma)(Ma × Ma).</para>
/// <para>Adjoint: under ⟨X, Y⟩ = Re Σ conj(X) Y the adjoint of Unpack is the same packing applied to Y, so
/// ⟨G_v(P), Y⟩ = ⟨W_s(v), sᵀ s(Y)⟩ + ⟨W_a(v), aᵀ a(Y)⟩ and Adjoint(P, Y) = W_sᵀ(sᵀ s(Y)) + W_aᵀ(aᵀ a(Y)), where W_sᵀ, W_aᵀ are
/// the adjoints of the (cheap, O(N⁴)) folds: two more GEMMs (Ms × B)(B × Ms) and (Ma × B)(B × Ma). The Hermitian-part
/// projection of P enters only through s and a; the Hermitian assembly of G enters as the packing s(Y), a(Y), which
/// sees only Yₕ = ½(Y + Y†), so the anti-Hermitian part of a cotangent never reaches θ.</para>
/// </remarks>
public abstract class PackedLearnablePotential : nn.Module<Tensor, Tensor>, IPackedDensityPotential
{
    private readonly Parameter[] _tensors;
    private readonly long[][] _shapes;

    private protected PackedLearnablePotential(string name, int basisSize, IReadOnlyList<(string Name, long[] Shape)> parameters) : base(name)
    {
        if (basisSize < 1) throw new ArgumentOutOfRangeException(nameof(basisSize), basisSize, "the basis size must be at least 1");
        BasisSize = basisSize;
        Packing = new HermitianPacking(basisSize);
        ParameterNames = parameters.Select(p => p.Name).ToArray();
        _shapes = parameters.Select(p => p.Shape).ToArray();
        _tensors = new Parameter[parameters.Count];
        for (var p = 0; p < parameters.Count; p++)
        {
            // Parameters belong to the module, not to whatever dispose scope the caller has open.
            _tensors[p] = new Parameter(torch.zeros(parameters[p].Shape, ScalarType.Float64));
            _tensors[p].DetachFromDisposeScope();
            register_parameter(parameters[p].Name, _tensors[p]);
        }
        ParameterCount = _shapes.Sum(s => s.Aggregate(1L, (a, b) => a * b));
    }

    /// <inheritdoc />
    public abstract ModelKind Kind { get; }

    /// <inheritdoc />
    public nn.Module Module => this;

    /// <inheritdoc />
    public int BasisSize { get; }

    /// <summary>True for every θ: G is assembled from its upper triangle and sees only ½(P + P†).</summary>
    public bool IsExactlyHermitian => true;

    /// <inheritdoc />
    public IReadOnlyList<string> ParameterNames { get; }

    /// <summary>Length of θ: N⁴ for both the Tied and the Herm model.</summary>
    public long ParameterCount { get; }

    private protected HermitianPacking Packing { get; }

    /// <summary>
    /// Real floating-point operations of <see cref="ApplyWith"/> (or <see cref="Apply"/>) for a batch: the two
    /// products, 2·B·(Ms² + Ma²) ≈ B·N⁴. The O(N⁴) folding of θ, done once per call, and the O(B·N²) packing and
    /// unpacking are not counted.
    /// </summary>
    /// <param name="batch">B, the number of densities.</param>
    public long FlopsPerApply(long batch) => batch * Packing.FlopsPerMatrix;

    /// <summary>
    /// Real floating-point operations of <see cref="Adjoint"/> for a batch: the two products sᵀ s(Y) and aᵀ a(Y),
    /// 2·B·(Ms² + Ma²); the O(N⁴) unfolding and the O(B·N²) packing are not counted.
    /// </summary>
    /// <param name="batch">B, the number of densities.</param>
    public long FlopsPerAdjoint(long batch) => batch * Packing.FlopsPerMatrix;

    /// <inheritdoc />
    public Tensor GetParameters() => FlatParameters.Concatenate(_tensors);

    /// <inheritdoc />
    public void SetParameters(Tensor theta)
    {
        FlatParameters.Require(theta, ParameterCount, nameof(theta));
        FlatParameters.Assign(theta, _tensors);
    }

    /// <summary>G_θ(P) with the module's parameters; differentiable with respect to them and to P.</summary>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis.</param>
    /// <returns>[B, N, N] complex128, orthonormal basis, exactly Hermitian.</returns>
    public Tensor Apply(Tensor density)
    {
        DensityArguments.RequireBatch(density, BasisSize, nameof(density));
        using var scope = torch.NewDisposeScope();
        var (symmetric, antisymmetric) = Fold(_tensors);
        return Packing.Apply(symmetric, antisymmetric, density).MoveToOuterDisposeScope();
    }

    /// <summary>The module's forward pass: <see cref="Apply"/>.</summary>
    /// <param name="input">P: [B, N, N] complex128, orthonormal basis.</param>
    /// <returns>[B, N, N] complex128, orthonormal basis.</returns>
    public override Tensor forward(Tensor input) => Apply(input);

    /// <inheritdoc />
    public Tensor ApplyWith(Tensor theta, Tensor density)
    {
        FlatParameters.Require(theta, ParameterCount, nameof(theta));
        DensityArguments.RequireBatch(density, BasisSize, nameof(density));
        using var scope = torch.NewDisposeScope();
        var (symmetric, antisymmetric) = Fold(FlatParameters.Split(theta, _shapes));
        return Packing.Apply(symmetric, antisymmetric, density).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Adjoint(Tensor density, Tensor cotangent) => Packing.ParameterAdjoint(this, density, cotangent);

    /// <summary>N², the triangle rows (s | a) of <see cref="HermitianPacking.PackRows"/>.</summary>
    public long PackedDensityLength => Packing.RowLength;

    /// <inheritdoc />
    public Tensor PackDensities(Tensor density) => Packing.PackDensities(density);

    /// <inheritdoc />
    public (Tensor Symmetric, Tensor Antisymmetric) Kernels(Tensor theta)
    {
        FlatParameters.Require(theta, ParameterCount, nameof(theta));
        using var scope = torch.NewDisposeScope();
        var (symmetric, antisymmetric) = Fold(FlatParameters.Split(theta.detach(), _shapes));
        return (symmetric.MoveToOuterDisposeScope(), antisymmetric.MoveToOuterDisposeScope());
    }

    /// <inheritdoc />
    public Tensor ApplyKernels(Tensor symmetricKernel, Tensor antisymmetricKernel, Tensor packedDensity) =>
        Packing.ApplyPacked(symmetricKernel, antisymmetricKernel, packedDensity);

    /// <inheritdoc />
    public (Tensor Symmetric, Tensor Antisymmetric) KernelAdjoint(Tensor packedDensity, Tensor cotangent) =>
        Packing.KernelAdjointPacked(packedDensity, cotangent);

    /// <inheritdoc />
    public Tensor ParameterAdjoint(Tensor symmetric, Tensor antisymmetric)
    {
        using var scope = torch.NewDisposeScope();
        return torch.cat(Unfold(symmetric, antisymmetric).Select(g => g.reshape(-1)).ToArray(), 0).MoveToOuterDisposeScope();
    }

    /// <summary>(W_s [Ms, Ms], W_a [Ma, Ma]) from the parameter tensors, with differentiable operations.</summary>
    private protected abstract (Tensor Symmetric, Tensor Antisymmetric) Fold(IReadOnlyList<Tensor> parameters);

    /// <summary>The adjoint of <see cref="Fold"/>: one tensor per parameter, in <see cref="ParameterNames"/> order and shape.</summary>
    private protected abstract Tensor[] Unfold(Tensor symmetric, Tensor antisymmetric);

    /// <summary>Copies the given tensors into the parameters (without recording a gradient).</summary>
    private protected void AssignParameters(params Tensor[] values)
    {
        using var noGrad = torch.no_grad();
        for (var p = 0; p < _tensors.Length; p++) _tensors[p].copy_(values[p]);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) Packing.Dispose();
        base.Dispose(disposing);
    }
}
