using static TorchSharp.torch;

namespace TorchTdhf.Training;

/// <summary>The pseudo-inverse solution of a derivative-matching problem and what it rests on.</summary>
/// <param name="Parameters">θ = (KᵀK)⁺ Kᵀb: [ParameterCount] float64 (owned; dispose the result).</param>
/// <param name="Rank">Singular values kept.</param>
/// <param name="SingularValues">All singular values of K, largest first.</param>
/// <param name="Cutoff">The absolute singular-value cutoff used.</param>
public sealed record ExactLeastSquaresResult(Tensor Parameters, int Rank, IReadOnlyList<double> SingularValues, double Cutoff) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Parameters.Dispose();
}
