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
/// <para><b>Adjoint.</b> With ⟨X, Y⟩ = Re Σ conj(X) Y = Re tr(X†Y) and C_P(X) = [X, P] = XP − PX,
/// ⟨C_P(X), W⟩ = Re tr(P†X†W − X†P†W) = Re tr(X†(WP† − P†W)) = ⟨X, [W, P†]⟩, so for Hermitian P the adjoint of
/// X ↦ [X, P] is W ↦ [W, P] itself. Hence Kᵀ W = Σ_s A(P_s)ᵀ [W_s, P_s] with A(P)ᵀ the model's
/// <see cref="ILearnablePotential.Adjoint"/>, and Jᵀ w = −Kᵀ w.</para>
/// <para><b>Residual space.</b> Vectors there are [S, N, N] complex128 tensors, the real vector of length 2·S·N² being
/// <c>view_as_real</c> flattened: entry (s, i, j) contributes Re at 2((s·N + i)·N + j) and Im right after it; the inner
/// product above is the Euclidean one of that real vector.</para>
/// <para><b>Memory.</b> Every pass goes over the samples in chunks (<see cref="DerivativeResidualOptions"/>), each
/// under its own dispose scope: O(chunk·N² + parameters) besides the residual-space vectors that are results.</para>
/// </remarks>
public sealed class DerivativeResidual : ILinearOperator
{
    private readonly ILearnablePotential _model;
    private readonly TrainingSet _samples;

    /// <summary>The problem for <paramref name="model"/> on <paramref name="samples"/> (neither is owned).</summary>
    /// <exception cref="ArgumentException">The model acts on another basis size than the samples.</exception>
    /// <exception cref="TdhfInputException">Bad chunk options.</exception>
    public DerivativeResidual(ILearnablePotential model, TrainingSet samples, DerivativeResidualOptions? options = null)
    {
        if (model.BasisSize != samples.BasisSize)
            throw new ArgumentException($"the model acts on N = {model.BasisSize}, the samples have N = {samples.BasisSize}", nameof(model));
        _model = model;
        _samples = samples;
        ChunkSize = (options ?? new DerivativeResidualOptions()).ChunkFor(samples.Count, samples.BasisSize);
    }

    /// <summary>Samples per chunk.</summary>
    public long ChunkSize { get; }

    /// <summary>Length of θ.</summary>
    public long ParameterCount => _model.ParameterCount;

    /// <summary>b: [S, N, N] complex128, orthonormal basis, the right-hand side (the samples' tensor; do not dispose).</summary>
    public Tensor RightHandSide => _samples.Targets;

    /// <summary>K θ = [G_θ(P_s), P_s] for every sample.</summary>
    /// <param name="theta">θ: [ParameterCount] float64.</param>
    /// <returns>[S, N, N] complex128, orthonormal basis.</returns>
    public Tensor Apply(Tensor theta)
    {
        var result = torch.empty_like(_samples.Targets);
        ForEachChunk((start, density, _) => result.narrow(0, start, density.shape[0]).copy_(Commutator(_model.ApplyWith(theta, density), density)));
        return result;
    }

    /// <summary>Kᵀ W = Σ_s A(P_s)ᵀ [W_s, P_s].</summary>
    /// <param name="cotangent">W: [S, N, N] complex128 (any matrices).</param>
    /// <returns>[ParameterCount] float64.</returns>
    public Tensor ApplyAdjoint(Tensor cotangent)
    {
        var sum = torch.zeros(_model.ParameterCount, ScalarType.Float64);
        ForEachChunk((start, density, _) => sum.add_(_model.Adjoint(density, Commutator(cotangent.narrow(0, start, density.shape[0]), density))));
        return sum;
    }

    /// <summary>r(θ) = b − K θ.</summary>
    /// <param name="theta">θ: [ParameterCount] float64.</param>
    /// <returns>[S, N, N] complex128, orthonormal basis.</returns>
    public Tensor Residual(Tensor theta)
    {
        var result = torch.empty_like(_samples.Targets);
        ForEachChunk((start, density, target) => result.narrow(0, start, density.shape[0]).copy_(ChunkResidual(theta, density, target)));
        return result;
    }

    /// <summary>The loss L(θ) = Σ_s ‖r_s(θ)‖²_F, without holding the whole residual.</summary>
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
        ForEachChunk((_, density, target) =>
        {
            projection.add_(_model.Adjoint(density, Commutator(target, density)));
            for (var j = 0L; j < p; j++)
            {
                using var scope = torch.NewDisposeScope();
                gram[TensorIndex.Colon, j].add_(_model.Adjoint(density, Commutator(Commutator(_model.ApplyWith(identity[j], density), density), density)));
            }
        });
        using var symmetric = (gram + gram.mT) * 0.5;
        gram.copy_(symmetric);
        return (gram, projection);
    }

    // [X, P] = XP − PX for batches.
    private static Tensor Commutator(Tensor x, Tensor density) => x.matmul(density) - density.matmul(x);

    private Tensor ChunkResidual(Tensor theta, Tensor density, Tensor target) => target - Commutator(_model.ApplyWith(theta, density), density);

    private (double Loss, Tensor Gradient) LossAndGradient(Tensor theta, bool withGradient)
    {
        var loss = 0.0;
        var gradient = torch.zeros(_model.ParameterCount, ScalarType.Float64);
        ForEachChunk((_, density, target) =>
        {
            var residual = ChunkResidual(theta, density, target);
            loss += torch.view_as_real(residual).square().sum().item<double>();
            if (withGradient) gradient.add_(_model.Adjoint(density, Commutator(residual, density)), -2.0);
        });
        return (loss, gradient);
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
