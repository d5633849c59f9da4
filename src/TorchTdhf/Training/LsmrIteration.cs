namespace TorchTdhf.Training;

/// <summary>One line of the <see cref="Lsmr"/> log, after iteration <paramref name="Iteration"/> (0: the start).</summary>
/// <param name="Iteration">Iterations done.</param>
/// <param name="ResidualNorm">‖r‖ (with damping, of the augmented residual [b − A x; −λ(x − x₀)]), estimated by the recurrences.</param>
/// <param name="NormalResidualNorm">‖Aᵀ r − λ²(x − x₀)‖, the normal-equation residual LSMR makes decrease monotonically.</param>
/// <param name="CorrectionNorm">‖x − x₀‖.</param>
/// <param name="OperatorNormEstimate">Estimate of ‖A‖_F (grows towards it).</param>
/// <param name="ConditionEstimate">Estimate of cond(A) (grows towards it).</param>
/// <param name="Stop">Why the iteration stopped here, or <see cref="LsmrStop.None"/>.</param>
public sealed record LsmrIteration(int Iteration, double ResidualNorm, double NormalResidualNorm, double CorrectionNorm,
    double OperatorNormEstimate, double ConditionEstimate, LsmrStop Stop);
