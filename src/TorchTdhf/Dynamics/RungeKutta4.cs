using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>
/// Classical fourth-order Runge–Kutta on dP/dt = −i [F(P, t), P], field sampled at t, t + dt/2 and t + dt.
/// Built from differentiable tensor operations only, so gradients of a loss on the result flow back into the
/// potential's parameters (training by rollout). It is not unitary: idempotency drifts by O(dt⁵) per step.
/// </summary>
/// <remarks>
/// Per step: four Fock builds and four commutators (one matrix product each when the potential is exactly Hermitian,
/// see <see cref="TdhfEquation.CommutatorWithFock"/>). The stages work with C = [F, P] and fold −i into the
/// coefficients, so each stage costs two element-wise passes besides the Fock build and the product; without
/// autograd the weighted sum of the stages accumulates in place.
/// </remarks>
public sealed class RungeKutta4 : IPropagator
{
    /// <inheritdoc />
    public string Name => "rk4";

    /// <inheritdoc />
    public int Order => 4;

    /// <inheritdoc />
    public Tensor Step(TdhfEquation equation, Tensor density, double time, double timeStep)
    {
        using var scope = torch.NewDisposeScope();
        var half = 0.5 * timeStep;
        // P − i·fraction·C.
        Tensor Stage(Tensor commutator, double fraction)
        {
            using var coefficient = new Complex(0, -fraction).ToScalar();
            return torch.add(density, commutator, coefficient);
        }

        var c1 = equation.CommutatorWithFock(density, time);
        var c2 = equation.CommutatorWithFock(Stage(c1, half), time + half);
        var sum = Accumulate(c1, c2, 2);
        var c3 = equation.CommutatorWithFock(Stage(c2, half), time + half);
        sum = Accumulate(sum, c3, 2);
        var c4 = equation.CommutatorWithFock(Stage(c3, timeStep), time + timeStep);
        sum = Accumulate(sum, c4, 1);
        return Stage(sum, timeStep / 6).MoveToOuterDisposeScope();
    }

    // sum + weight·c; in place when nothing records gradients, which also spares an allocation per stage.
    private static Tensor Accumulate(Tensor sum, Tensor c, double weight) =>
        sum.requires_grad || c.requires_grad ? torch.add(sum, c, weight) : sum.add_(c, weight);
}
