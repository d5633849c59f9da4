using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Training;

/// <summary>
/// Direct solution of derivative matching for models with few parameters: forms the normal equations
/// KᵀK θ = Kᵀb (<see cref="DerivativeResidual.NormalEquations"/>) and applies the pseudo-inverse from the eigenvectors
/// of KᵀK, dropping singular values √λ below a relative cutoff, so rank-deficient problems (redundant parameters)
/// get the minimum-norm solution.
/// </summary>
public static class ExactLeastSquares
{
    /// <summary>Solves <paramref name="problem"/>.</summary>
    /// <param name="problem">The least-squares problem.</param>
    /// <param name="options">Cutoff and parameter limit; defaults when null.</param>
    /// <exception cref="TdhfInputException">More parameters than <see cref="ExactLeastSquaresOptions.MaxParameters"/>, or a bad cutoff.</exception>
    public static ExactLeastSquaresResult Solve(DerivativeResidual problem, ExactLeastSquaresOptions? options = null)
    {
        options ??= new ExactLeastSquaresOptions();
        if (problem.ParameterCount > options.MaxParameters)
            throw new TdhfInputException($"the exact solver forms KᵀK and accepts at most {options.MaxParameters} parameters, the model has {problem.ParameterCount}; use LSMR",
                key: "solver");
        if (!(options.RelativeCutoff >= 0 && options.RelativeCutoff < 1))
            throw new TdhfInputException($"the relative cutoff must lie in [0, 1), not {options.RelativeCutoff}", key: "cutoff");
        using var scope = torch.NewDisposeScope();
        var (gram, projection) = problem.NormalEquations();
        var (eigenvalues, eigenvectors) = torch.linalg.eigh(gram);
        var singular = eigenvalues.clamp_min(0).sqrt();
        var largest = singular.max().item<double>();
        var cutoff = options.RelativeCutoff * largest;
        var kept = largest > 0 ? singular > cutoff : torch.zeros_like(singular, dtype: ScalarType.Bool);
        var inverse = torch.where(kept, 1.0 / eigenvalues.where(kept, torch.ones_like(eigenvalues)), torch.zeros_like(eigenvalues));
        var theta = eigenvectors.matmul(inverse * eigenvectors.mT.matmul(projection));
        var values = singular.flip(0).data<double>().ToArray();
        var rank = (int)kept.sum().item<long>();
        return new ExactLeastSquaresResult(theta.DetachFromDisposeScope(), rank, values, cutoff);
    }
}
