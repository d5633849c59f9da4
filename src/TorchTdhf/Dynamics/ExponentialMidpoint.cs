using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>
/// Implicit exponential midpoint rule (second-order Magnus): P(t + dt) = e^{−iF_m dt} P e^{+iF_m dt} with
/// F_m = F(P_m, t + dt/2) and the midpoint density P_m = e^{−iF_m dt/2} P e^{+iF_m dt/2}, found by fixed-point
/// iteration from P_m = P until max |ΔP_m| &lt; <see cref="Tolerance"/> over the whole batch. Exactly unitary;
/// second order, so mainly a comparison for <see cref="MuntheKaas4"/> and the reference data's "magnus" scheme.
/// </summary>
/// <remarks>
/// Per iteration: one Fock build, one exponential e^{−iF_m dt/2} (<see cref="UnitaryExponential"/>) and the two
/// products of the conjugation; once converged, one more product squares the half-step exponential and two conjugate.
/// </remarks>
public sealed class ExponentialMidpoint : IPropagator
{
    /// <summary>Creates the scheme.</summary>
    /// <param name="tolerance">Largest element change of P_m that counts as converged.</param>
    /// <param name="maxIterations">Fixed-point iterations allowed per step.</param>
    /// <exception cref="TdhfInputException">The tolerance is not positive or the iteration limit is below 1.</exception>
    public ExponentialMidpoint(double tolerance = 1e-13, int maxIterations = 100)
    {
        if (!(tolerance > 0) || !double.IsFinite(tolerance)) throw new TdhfInputException($"the midpoint tolerance must be a positive number, not {tolerance}", key: "tolerance");
        if (maxIterations < 1) throw new TdhfInputException($"the midpoint iteration limit must be at least 1, not {maxIterations}", key: "maxIterations");
        Tolerance = tolerance;
        MaxIterations = maxIterations;
    }

    /// <summary>Convergence threshold on max |ΔP_m|.</summary>
    public double Tolerance { get; }

    /// <summary>Fixed-point iterations allowed per step.</summary>
    public int MaxIterations { get; }

    /// <inheritdoc />
    public string Name => "expmid";

    /// <inheritdoc />
    public int Order => 2;

    /// <inheritdoc />
    public Tensor Step(TdhfEquation equation, Tensor density, double time, double timeStep)
    {
        using var scope = torch.NewDisposeScope();
        var midpointTime = time + 0.5 * timeStep;
        var midpoint = density;
        var change = double.PositiveInfinity;
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var fock = equation.HermitianFock(midpoint, midpointTime);
            // One exponential serves both the half step (next midpoint) and, squared once converged, the full step.
            var halfStep = UnitaryExponential.MinusIdentity(fock, 0.5 * timeStep);
            var next = UnitaryExponential.ConjugateNearIdentity(halfStep, density);
            change = (next - midpoint).abs().max().item<double>();
            midpoint = next;
            if (change < Tolerance)
                return Hermitian.Part(UnitaryExponential.ConjugateNearIdentity(UnitaryExponential.Doubled(halfStep), density)).MoveToOuterDisposeScope();
        }
        throw new PropagationNotConvergedException(
            $"the exponential-midpoint iteration did not converge at t = {time} in {MaxIterations} iterations (last max |ΔP_m| = {change:E2}, tolerance {Tolerance:E1}); " +
            "use a smaller time step, a looser tolerance or more iterations");
    }
}
