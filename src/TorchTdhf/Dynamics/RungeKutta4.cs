using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>
/// Classical fourth-order Runge–Kutta on dP/dt = −i [F(P, t), P], field sampled at t, t + dt/2 and t + dt.
/// Built from differentiable tensor operations only, so gradients of a loss on the result flow back into the
/// potential's parameters (training by rollout). It is not unitary: idempotency drifts by O(dt⁵) per step.
/// </summary>
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
        var k1 = equation.TimeDerivative(density, time);
        var k2 = equation.TimeDerivative(density + half * k1, time + half);
        var k3 = equation.TimeDerivative(density + half * k2, time + half);
        var k4 = equation.TimeDerivative(density + timeStep * k3, time + timeStep);
        var next = density + (timeStep / 6) * (k1 + 2 * (k2 + k3) + k4);
        return next.MoveToOuterDisposeScope();
    }
}
