using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Training.Preconditioning;

/// <summary>
/// Ridge-regularised derivative matching, min_θ ‖b − Kθ‖² + λ‖θ‖², as a preconditioned least-squares problem for
/// LSMR: with the Cholesky factor F of the shifted normal matrix, F Fᵀ = KᵀK + μI (μ ≥ λ), and θ = F⁻ᵀ y, LSMR solves
/// min_y ‖[b; 0] − A y‖ with A y = [K F⁻ᵀ y; √λ F⁻ᵀ y], whose AᵀA = F⁻¹(KᵀK + λI)F⁻ᵀ has its eigenvalues in [λ/μ, 1]
/// and, on every direction the data determine well (σ² ≫ μ), at 1. A single trajectory, which leaves K conditioned far
/// beyond 10⁸ so that plain LSMR needs thousands of iterations, converges in tens.
/// </summary>
/// <remarks>
/// <para><b>Why a ridge.</b> Without the √λ rows, LSMR on K F⁻ᵀ also reaches the data's floor quickly but then fits
/// directions the data barely determine, where F⁻ᵀ magnifies rounding errors by up to 1/√μ: on one LiH/6-31G trajectory
/// that gave parameters off by up to 8 hartree and a model that could not replay its own training trajectory
/// (error 1.8). A ridge far below the shift (λ = 10⁻²⁶, μ = 10⁻¹⁴ of the largest diagonal entry) still costs λ‖θ‖²
/// far above the floor for such parameters and keeps them out, while the fit ends at the least-squares minimum:
/// there the replay error fell to 1e-11 and the field-on prediction error to 1e-9 (from 2e-5 and 1.6 after 1 000
/// plain iterations). With λ = 10⁻²⁰ the field-on error was 4e-8 and the loss barely below the floor.</para>
/// <para><b>Why a separate shift.</b> The Gram matrix is formed with rounding errors near 10⁻¹⁵ of its largest entry,
/// so a Cholesky factorisation needs μ above that; μ is raised tenfold until it succeeds (<see cref="Shift"/>).</para>
/// <para><b>Two coordinate systems.</b> L is the model's linear map from θ to its kernels (W_s, W_a)
/// (<see cref="IPackedDensityPotential.Kernels"/>, adjoint <see cref="IPackedDensityPotential.ParameterAdjoint"/>) and
/// N_k the kernel-space normal matrix (<see cref="KernelGram"/>), so KᵀK = Lᵀ N_k L.</para>
/// <list type="bullet">
/// <item><b>Few parameters</b> (ParameterCount ≤ Ms² + Ma², the Symm model, L injective): F Fᵀ = Lᵀ N_k L + μI in
/// θ-space and θ = F⁻ᵀ y.</item>
/// <item><b>Redundant parameters</b> (the Tied and Herm models, N⁴ parameters for Ms² + Ma² kernel entries: L is onto
/// and L Lᵀ = D is diagonal, because each parameter feeds kernel entries of one kind): y lives in kernel space,
/// w = F⁻ᵀ y are the kernels and θ = Lᵀ D⁻¹ w their minimum-norm parameters, whose norm is ‖θ‖² = wᵀ D⁻¹ w; so
/// F Fᵀ = N_k + μ D⁻¹ and the ridge rows are √λ D^{-1/2} w.</item>
/// </list>
/// <para>λ and μ are given relative to the largest diagonal entry of the factorised matrix's data part (Lᵀ N_k L or N_k).</para>
/// <para><b>Cost.</b> Building: the Gram matrix (see <see cref="KernelGram"/>) and an order-d Cholesky factorisation,
/// d = ParameterCount or Ms² + Ma² (19 306 for C₂H₄/STO-3G: 3 GB, about two minutes in all on two cores). Each
/// product: one triangular solve with F (memory-bound, d² reals) and one product with K or Kᵀ.</para>
/// </remarks>
public sealed class PreconditionedRidge : ILinearOperator, IDisposable
{
    // Shifts tried beyond the asked one before giving up (each ten times the previous).
    private const int ShiftRetries = 6;

    private readonly DerivativeResidual _problem;
    private readonly IPackedDensityPotential _model;
    private readonly Tensor _factor;
    private readonly KernelLift? _lift;
    private readonly double _rootRidge;

    private PreconditionedRidge(DerivativeResidual problem, IPackedDensityPotential model, Tensor factor, KernelLift? lift, double relativeRidge, double ridge, double shift)
    {
        _problem = problem;
        _model = model;
        _factor = factor;
        _lift = lift;
        RelativeRidge = relativeRidge;
        Ridge = ridge;
        Shift = shift;
        _rootRidge = Math.Sqrt(ridge);
    }

    /// <summary>The length of y: ParameterCount for an injective model, Ms² + Ma² for a redundant one.</summary>
    public long Dimension => _factor.shape[0];

    /// <summary>True when y lives in kernel space (the Tied and Herm models), false when in θ-space (Symm).</summary>
    public bool InKernelSpace => _lift is not null;

    /// <summary>λ / the largest diagonal entry of the normal matrix, as asked for.</summary>
    public double RelativeRidge { get; }

    /// <summary>λ.</summary>
    public double Ridge { get; }

    /// <summary>The shift μ ≥ λ in the factorised matrix (see the remarks).</summary>
    public double Shift { get; }

    /// <summary>Default of the relative shift: the smallest that factorises the normal matrices of the paper's small
    /// systems in float64 (10⁻¹⁶ fails for LiH/6-31G, whose Gram matrix has rounding errors of about 10⁻¹⁵ of its largest entry).</summary>
    public const double DefaultRelativeShift = 1e-14;

    /// <summary>Peak memory of building and holding the problem for basis size <paramref name="n"/>: the kernel Gram
    /// matrix, its factor and the blocks it is assembled from, about three order-(Ms² + Ma²) matrices of float64.</summary>
    public static long BytesFor(int n)
    {
        var d = (double)KernelGram.Dimension(n);
        return (long)Math.Min(long.MaxValue, 3 * 8 * d * d);
    }

    /// <summary>Refuses a basis whose preconditioner would not fit in <paramref name="availableBytes"/>.</summary>
    /// <exception cref="TdhfInputException">It would not; the message says how much it needs.</exception>
    public static void RequireMemory(int n, long availableBytes)
    {
        var needed = BytesFor(n);
        if (needed > availableBytes)
            throw new TdhfInputException(
                FormattableString.Invariant($"the normal preconditioner for N = {n} ({KernelGram.Dimension(n)} kernel coordinates) needs about {needed / 1e9:F1} GB, more than the {availableBytes / 1e9:F1} GB available; use --preconditioner none"),
                key: "preconditioner");
    }

    /// <summary>Factorises the regularised normal matrix of <paramref name="model"/> on the samples of <paramref name="problem"/>.</summary>
    /// <param name="problem">K and b (not owned).</param>
    /// <param name="model">The packed model being trained, the one <paramref name="problem"/> was built for (not owned).</param>
    /// <param name="kernelGram">N_k from <see cref="KernelGram.Compute"/> on the problem's samples: [Ms² + Ma², Ms² + Ma²]
    /// float64 (not kept; its diagonal is shifted during the factorisation and restored).</param>
    /// <param name="relativeRidge">λ / the largest diagonal entry of the normal matrix, in (0, 1).</param>
    /// <param name="relativeShift">μ / the largest diagonal entry (raised to λ's if smaller), in (0, 1).</param>
    /// <exception cref="TdhfInputException">A ridge or shift outside (0, 1), or a normal matrix that no shift up to 10⁶
    /// times it makes positive definite (NaN or Inf in the data).</exception>
    /// <exception cref="NotSupportedException">A model with redundant parameters whose L Lᵀ is not diagonal.</exception>
    public static PreconditionedRidge Build(DerivativeResidual problem, IPackedDensityPotential model, Tensor kernelGram, double relativeRidge,
        double relativeShift = DefaultRelativeShift)
    {
        if (!(relativeRidge > 0 && relativeRidge < 1))
            throw new TdhfInputException($"the relative ridge must lie in (0, 1), not {relativeRidge}", key: "ridge");
        if (!(relativeShift > 0 && relativeShift < 1))
            throw new TdhfInputException($"the preconditioner's relative shift must lie in (0, 1), not {relativeShift}", key: "shift");
        relativeShift = Math.Max(relativeShift, relativeRidge);
        var n = model.BasisSize;
        var kernelDimension = KernelGram.Dimension(n);
        if (kernelGram.shape.Length != 2 || kernelGram.shape[0] != kernelDimension || kernelGram.shape[1] != kernelDimension)
            throw new ArgumentException($"the kernel Gram matrix must be [{kernelDimension}, {kernelDimension}], not [{string.Join(", ", kernelGram.shape)}]", nameof(kernelGram));
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        if (model.ParameterCount <= kernelDimension)
        {
            using var normal = ParameterGram(model, kernelGram);
            var (factor, largest, shift) = Factorise(normal, null, relativeShift);
            return new PreconditionedRidge(problem, model, factor.MoveToOuterDisposeScope(), null, relativeRidge, relativeRidge * largest, shift);
        }
        var lift = KernelLift.For(model);
        try
        {
            var (kernelFactor, kernelLargest, kernelShift) = Factorise(kernelGram, lift.InverseWeights, relativeShift);
            return new PreconditionedRidge(problem, model, kernelFactor.MoveToOuterDisposeScope(), lift, relativeRidge, relativeRidge * kernelLargest, kernelShift);
        }
        catch
        {
            lift.Dispose();
            throw;
        }
    }

    /// <summary>[b; 0]: the anti-Hermitian coordinates of the targets, flattened, then <see cref="Dimension"/> zeros.</summary>
    /// <returns>[S·N² + Dimension] float64, owned by the caller.</returns>
    public Tensor RightHandSide() => torch.cat(new[] { _problem.RightHandSide.reshape(-1), torch.zeros(Dimension, ScalarType.Float64) });

    /// <summary>θ = F⁻ᵀ y, or Lᵀ D⁻¹ F⁻ᵀ y in kernel space.</summary>
    /// <param name="y">[<see cref="Dimension"/>] float64.</param>
    /// <returns>[ParameterCount] float64.</returns>
    public Tensor Parameters(Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        return ParametersOf(SolveTransposed(y)).MoveToOuterDisposeScope();
    }

    /// <summary>A y = [K θ(y); √λ w(y)], w = F⁻ᵀ y (weighted by D^{-1/2} in kernel space, so that ‖·‖ is ‖θ‖).</summary>
    /// <param name="y">[<see cref="Dimension"/>] float64.</param>
    /// <returns>[S·N² + Dimension] float64.</returns>
    public Tensor Apply(Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        var w = SolveTransposed(y);
        var data = _problem.Apply(ParametersOf(w)).reshape(-1);
        var ridge = (_lift is null ? w : w * _lift.RootInverseWeights).mul_(_rootRidge);
        return torch.cat(new[] { data, ridge }).MoveToOuterDisposeScope();
    }

    /// <summary>Aᵀ [r; s] = F⁻¹ (Mᵀ Kᵀ r + √λ s) with Mᵀ = I or D⁻¹L, and s weighted by D^{-1/2} in kernel space.</summary>
    /// <param name="residual">[S·N² + Dimension] float64.</param>
    /// <returns>[<see cref="Dimension"/>] float64.</returns>
    public Tensor ApplyAdjoint(Tensor residual)
    {
        using var scope = torch.NewDisposeScope();
        var dataLength = _problem.RightHandSide.NumberOfElements;
        var data = residual.narrow(0, 0, dataLength).view(_problem.RightHandSide.shape);
        var ridge = residual.narrow(0, dataLength, Dimension);
        var gradient = _problem.ApplyAdjoint(data);
        var right = _lift is null
            ? gradient.add_(ridge, _rootRidge)
            : KernelLift.KernelsOf(_model, gradient).mul_(_lift.InverseWeights).addcmul_(ridge, _lift.RootInverseWeights, _rootRidge);
        return torch.linalg.solve_triangular(_factor, right.unsqueeze(1), upper: false).squeeze(1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _factor.Dispose();
        _lift?.Dispose();
    }

    private Tensor SolveTransposed(Tensor y) => torch.linalg.solve_triangular(_factor.mT, y.unsqueeze(1), upper: true).squeeze(1);

    private Tensor ParametersOf(Tensor w) => _lift is null ? w : _lift.ParametersOf(_model, w);

    // Lᵀ N_k L column by column: Z = Lᵀ N_k (one adjoint fold per row of the symmetric N_k), then Lᵀ Zᵀ.
    private static Tensor ParameterGram(IPackedDensityPotential model, Tensor kernelGram)
    {
        var p = model.ParameterCount;
        var d = kernelGram.shape[0];
        using var z = torch.empty(d, p, ScalarType.Float64);
        for (var r = 0L; r < d; r++)
        {
            using var scope = torch.NewDisposeScope();
            z[r].copy_(KernelLift.Fold(model, kernelGram[r]));
        }
        var gram = torch.empty(p, p, ScalarType.Float64);
        using var columns = z.mT.contiguous();
        for (var j = 0L; j < p; j++)
        {
            using var scope = torch.NewDisposeScope();
            gram[j].copy_(KernelLift.Fold(model, columns[j]));
        }
        return gram;
    }

    // Cholesky of normal + μ·weights (weights 1 when null), μ = relativeShift × max diag, raised tenfold on failure.
    // Returns the factor, the largest diagonal entry and μ.
    private static (Tensor Factor, double Largest, double Shift) Factorise(Tensor normal, Tensor? weights, double relativeShift)
    {
        var largest = normal.diagonal().max().item<double>();
        if (!(largest > 0) || double.IsInfinity(largest))
            throw new TdhfInputException($"the normal matrix's largest diagonal entry is {largest}: the data determine no parameter", key: "preconditioner");
        // The ridge goes onto the diagonal in place (a shifted copy would double the memory, gigabytes here) and comes off again.
        var diagonal = normal.diagonal();
        using var original = diagonal.clone();
        var factorShift = relativeShift;
        try
        {
            for (var attempt = 0; attempt <= ShiftRetries; attempt++, factorShift *= 10)
            {
                var shift = factorShift * largest;
                diagonal.copy_(original);
                if (weights is null) diagonal.add_(shift);
                else diagonal.add_(weights, shift);
                var (factor, info) = torch.linalg.cholesky_ex(normal);
                if (info.item<int>() == 0) return (factor, largest, shift);
                factor.Dispose();
            }
        }
        finally
        {
            diagonal.copy_(original);
        }
        throw new TdhfInputException($"the normal matrix is not positive definite even when shifted by {factorShift / 10:E1} × its largest diagonal entry", key: "preconditioner");
    }
}
