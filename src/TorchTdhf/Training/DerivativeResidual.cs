using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Training;

/// <summary>
/// Derivative matching as a linear least-squares problem in the parameters θ of a model linear in them:
/// min_θ Σ_s ‖r_s(θ)‖²_F with r_s(θ) = b_s − [G_θ(P_s), P_s] (<see cref="TrainingSet"/>). As an operator this is
/// K: θ ↦ ([G_θ(P_s), P_s])_s, so r(θ) = b − Kθ and the Jacobian of the residual is J = −K.
/// </summary>
/// <remarks>
/// <para><b>Residual space.</b> For Hermitian G and P the commutator [G, P] is anti-Hermitian, so K maps into the
/// anti-Hermitian matrices, and range vectors are their <see cref="AntiHermitianCoordinates"/>: [S, N²] float64, whose
/// Euclidean norm is the Frobenius norm. b's Hermitian part b_H is orthogonal to every Kθ; it only adds the constant
/// ‖b_H‖²_F to the loss, and <see cref="RightHandSide"/> holds the coordinates of the anti-Hermitian part.</para>
/// <para><b>Adjoint.</b> With ⟨X, Y⟩ = Re tr(X†Y) and C_P(X) = [X, P], ⟨C_P(X), W⟩ = ⟨X, [W, P†]⟩, so for Hermitian P
/// Kᵀ W = Σ_s A(P_s)ᵀ [W_s, P_s] with A(P)ᵀ the model's <see cref="ILearnablePotential.Adjoint"/>, and Jᵀ w = −Kᵀ w.</para>
/// <para><b>One product per commutator.</b> The model must be exactly Hermitian
/// (<see cref="ITwoElectronPotential.IsExactlyHermitian"/>) and a <see cref="TrainingSet"/>'s densities are: then
/// (GP)† = PG, so [G, P] = GP − (GP)† has the coordinates of 2·GP; and for anti-Hermitian W, (WP)† = −PW, so
/// [W, P] = WP + (WP)†, whose adjoint image is 2·A(P)ᵀ(WP) because a Hermitian-valued map's adjoint sees only the
/// Hermitian part of its cotangent.</para>
/// <para><b>Packed densities.</b> A model that reads densities only through a packing
/// (<see cref="IPackedDensityPotential"/>) gets them packed once, at construction, instead of twice per iteration.</para>
/// <para><b>Memory.</b> Every pass goes over the samples in chunks (<see cref="DerivativeResidualOptions"/>), each
/// under its own dispose scope: O(chunk·N² + parameters) besides the residual-space vectors that are results, the
/// S·N² coordinates of b and the S·N² packed densities.</para>
/// </remarks>
public sealed class DerivativeResidual : ILinearOperator, IDisposable
{
    private readonly ILearnablePotential _model;
    private readonly TrainingSet _samples;
    private readonly AntiHermitianCoordinates _coordinates;
    private readonly Tensor _rightHandSide;
    private readonly IPackedDensityPotential? _packedModel;
    private readonly Tensor? _packedDensities;
    private readonly double _hermitianTargetNorm2;

    /// <summary>The problem for <paramref name="model"/> on <paramref name="samples"/> (neither is owned).</summary>
    /// <exception cref="ArgumentException">The model acts on another basis size than the samples, or is not exactly Hermitian.</exception>
    /// <exception cref="TdhfInputException">Bad chunk options.</exception>
    public DerivativeResidual(ILearnablePotential model, TrainingSet samples, DerivativeResidualOptions? options = null)
    {
        if (model.BasisSize != samples.BasisSize)
            throw new ArgumentException($"the model acts on N = {model.BasisSize}, the samples have N = {samples.BasisSize}", nameof(model));
        if (!model.IsExactlyHermitian)
            throw new ArgumentException($"the {model.Kind.Name()} model does not return exactly Hermitian potentials", nameof(model));
        _model = model;
        _samples = samples;
        ChunkSize = (options ?? new DerivativeResidualOptions()).ChunkFor(samples.Count, samples.BasisSize);
        _coordinates = new AntiHermitianCoordinates(samples.BasisSize);
        _rightHandSide = torch.empty(samples.Count, _coordinates.Count, ScalarType.Float64).DetachFromDisposeScope();
        _packedModel = model as IPackedDensityPotential;
        if (_packedModel is not null)
            _packedDensities = torch.empty(samples.Count, _packedModel.PackedDensityLength, ScalarType.Float64).DetachFromDisposeScope();
        var hermitianNorm2 = 0.0;
        ForEachChunk((start, density, target) =>
        {
            _rightHandSide.narrow(0, start, target.shape[0]).copy_(_coordinates.Coordinates(target));
            hermitianNorm2 += torch.view_as_real((target + target.mH) * 0.5).square().sum().item<double>();
            _packedDensities?.narrow(0, start, density.shape[0]).copy_(_packedModel!.PackDensities(density));
        });
        _hermitianTargetNorm2 = hermitianNorm2;
    }

    /// <summary>Samples per chunk.</summary>
    public long ChunkSize { get; }

    /// <summary>Complex N×N products per sample in one <see cref="Apply"/> and one <see cref="ApplyAdjoint"/>: one per
    /// commutator (see the remarks).</summary>
    public int ComplexProductsPerSample => 2;

    /// <summary>Length of θ.</summary>
    public long ParameterCount => _model.ParameterCount;

    /// <summary>The range space's coordinates (to turn range vectors into matrices and back).</summary>
    public AntiHermitianCoordinates Coordinates => _coordinates;

    /// <summary>The coordinates of b's anti-Hermitian part: [S, N²] float64 (owned by this object; do not dispose).</summary>
    public Tensor RightHandSide => _rightHandSide;

    /// <summary>K θ = [G_θ(P_s), P_s] for every sample.</summary>
    /// <param name="theta">θ: [ParameterCount] float64.</param>
    /// <returns>[S, N²] float64, anti-Hermitian coordinates (orthonormal basis).</returns>
    public Tensor Apply(Tensor theta)
    {
        var result = torch.empty_like(_rightHandSide);
        using var pass = torch.NewDisposeScope();
        var product = CommutatorCoordinates(theta);
        ForEachChunk((start, density, _) => result.narrow(0, start, density.shape[0]).copy_(product(start, density)));
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Kᵀ W = Σ_s A(P_s)ᵀ [W_s, P_s].</summary>
    /// <param name="cotangent">W: [S, N²] float64, anti-Hermitian coordinates.</param>
    /// <returns>[ParameterCount] float64.</returns>
    public Tensor ApplyAdjoint(Tensor cotangent) => AdjointSum((start, density) => cotangent.narrow(0, start, density.shape[0]));

    /// <summary>r(θ) = b − K θ, without b's Hermitian part (see the remarks).</summary>
    /// <param name="theta">θ: [ParameterCount] float64.</param>
    /// <returns>[S, N²] float64, anti-Hermitian coordinates (orthonormal basis).</returns>
    public Tensor Residual(Tensor theta)
    {
        var result = torch.empty_like(_rightHandSide);
        using var pass = torch.NewDisposeScope();
        var product = CommutatorCoordinates(theta);
        ForEachChunk((start, density, _) => result.narrow(0, start, density.shape[0]).copy_(RightHandSideChunk(start, density) - product(start, density)));
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>The loss L(θ) = Σ_s ‖r_s(θ)‖²_F (b's Hermitian part included), without holding the whole residual.</summary>
    /// <param name="theta">θ: [ParameterCount] float64.</param>
    public double Loss(Tensor theta) => LossAndGradient(theta, withGradient: false).Loss;

    /// <summary>L(θ) and ∇L = 2 Jᵀ r = −2 Kᵀ r(θ), in one pass without holding the whole residual.</summary>
    /// <param name="theta">θ: [ParameterCount] float64.</param>
    /// <returns>The loss and the gradient, [ParameterCount] float64 (owned by the caller).</returns>
    public (double Loss, Tensor Gradient) LossAndGradient(Tensor theta) => LossAndGradient(theta, withGradient: true);

    /// <summary>
    /// The normal equations KᵀK and Kᵀb, column by column: KᵀK e_j for every unit vector e_j, in one pass over the
    /// chunks (ParameterCount model products and adjoints per chunk).
    /// </summary>
    /// <returns>KᵀK [ParameterCount, ParameterCount] (symmetrised) and Kᵀb [ParameterCount], float64.</returns>
    public (Tensor Gram, Tensor Projection) NormalEquations()
    {
        var p = _model.ParameterCount;
        var gram = torch.zeros(p, p, ScalarType.Float64);
        var projection = torch.zeros(p, ScalarType.Float64);
        using var identity = torch.eye(p, dtype: ScalarType.Float64);
        projection.add_(ApplyAdjoint(_rightHandSide));
        for (var j = 0L; j < p; j++)
        {
            using var scope = torch.NewDisposeScope();
            var product = CommutatorCoordinates(identity[j]);
            gram[TensorIndex.Colon, j].add_(AdjointSum(product));
        }
        using var symmetric = (gram + gram.mT) * 0.5;
        gram.copy_(symmetric);
        return (gram, projection);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _rightHandSide.Dispose();
        _packedDensities?.Dispose();
        _coordinates.Dispose();
    }

    // (start, P_c) ↦ coordinates of [G_θ(P_c), P_c] for the chunk starting at sample start: [B, N²]. A packed model's
    // kernels are folded here, once per pass, in the caller's dispose scope.
    private Func<long, Tensor, Tensor> CommutatorCoordinates(Tensor theta)
    {
        Func<long, Tensor, Tensor> potential;
        if (_packedModel is { } packed)
        {
            var (symmetric, antisymmetric) = packed.Kernels(theta);
            potential = (start, density) => packed.ApplyKernels(symmetric, antisymmetric, PackedChunk(start, density));
        }
        else potential = (_, density) => _model.ApplyWith(theta, density);
        return (start, density) => CommutatorCoordinates(_coordinates, potential(start, density).matmul(density));
    }

    /// <summary>The coordinates of [G, P] from the product G·P, for Hermitian G and P (see the remarks): those of 2·GP.</summary>
    /// <param name="coordinates">The residual space's coordinates.</param>
    /// <param name="product">G·P: [B, N, N] complex128.</param>
    /// <returns>[B, N²] float64.</returns>
    internal static Tensor CommutatorCoordinates(AntiHermitianCoordinates coordinates, Tensor product) => coordinates.Coordinates(product, scale: 2.0);

    // Σ_chunks A(P_c)ᵀ [W_c, P_c] for the coordinates W_c = cotangentOf(start, P_c): [ParameterCount]. A packed model sums
    // kernel gradients and unfolds them once.
    private Tensor AdjointSum(Func<long, Tensor, Tensor> cotangentOf)
    {
        Tensor Product(long start, Tensor density) => _coordinates.Matrices(cotangentOf(start, density), scale: 2.0).matmul(density);
        if (_packedModel is not { } packed)
        {
            var sum = torch.zeros(_model.ParameterCount, ScalarType.Float64);
            ForEachChunk((start, density, _) => sum.add_(_model.Adjoint(density, Product(start, density))));
            return sum;
        }
        using var pass = torch.NewDisposeScope();
        Tensor? symmetric = null, antisymmetric = null;
        ForEachChunk((start, density, _) =>
        {
            var (s, a) = packed.KernelAdjoint(PackedChunk(start, density), Product(start, density));
            if (symmetric is null) (symmetric, antisymmetric) = (s.MoveToOuterDisposeScope(), a.MoveToOuterDisposeScope());
            else
            {
                symmetric.add_(s);
                antisymmetric!.add_(a);
            }
        });
        return packed.ParameterAdjoint(symmetric!, antisymmetric!).MoveToOuterDisposeScope();
    }

    private Tensor PackedChunk(long start, Tensor density) => _packedDensities!.narrow(0, start, density.shape[0]);

    private Tensor RightHandSideChunk(long start, Tensor density) => _rightHandSide.narrow(0, start, density.shape[0]);

    private (double Loss, Tensor Gradient) LossAndGradient(Tensor theta, bool withGradient)
    {
        var loss = _hermitianTargetNorm2;
        using var pass = torch.NewDisposeScope();
        var product = CommutatorCoordinates(theta);
        Tensor Residual(long start, Tensor density)
        {
            var residual = RightHandSideChunk(start, density) - product(start, density);
            loss += residual.square().sum().item<double>();
            return residual;
        }
        if (!withGradient)
        {
            ForEachChunk((start, density, _) => Residual(start, density));
            return (loss, torch.zeros(_model.ParameterCount, ScalarType.Float64).MoveToOuterDisposeScope());
        }
        var gradient = AdjointSum(Residual).mul_(-2.0);
        return (loss, gradient.MoveToOuterDisposeScope());
    }

    // Runs body(start, P_c, b_c) for every chunk under its own dispose scope.
    private void ForEachChunk(Action<long, Tensor, Tensor> body)
    {
        using var noGrad = torch.no_grad();
        for (var start = 0L; start < _samples.Count; start += ChunkSize)
        {
            using var scope = torch.NewDisposeScope();
            var (density, target) = _samples.Chunk(start, Math.Min(ChunkSize, _samples.Count - start));
            body(start, density, target);
        }
    }
}
