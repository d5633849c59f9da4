using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>Runs a propagator over many steps for a batch of trajectories and keeps every stride-th density.</summary>
public static class Propagation
{
    /// <summary>
    /// Applies the fields' initial kicks (<see cref="TdhfEquation.ApplyInitialKicks"/>), then takes
    /// <paramref name="steps"/> steps of length dt from t = 0; step k starts at t = k·dt (computed, not summed, so
    /// long runs do not drift off the grid). Differentiable when the propagator is.
    /// </summary>
    /// <param name="propagator">The scheme.</param>
    /// <param name="equation">The equation to integrate.</param>
    /// <param name="initialDensity">P(0) before any kick: [B, N, N] complex128, orthonormal basis.</param>
    /// <param name="timeStep">dt &gt; 0, atomic units.</param>
    /// <param name="steps">Number of steps (≥ 0).</param>
    /// <param name="stride">Keep P at steps 0, stride, 2·stride, … ≤ <paramref name="steps"/>.</param>
    /// <param name="observe">Called after the kick (step 0) and after every step with (step, t, P(t)); P is only valid during the call.</param>
    /// <param name="cancellation">Checked before every step.</param>
    /// <returns>Frames: [B, steps/stride + 1, N, N] complex128, orthonormal basis.</returns>
    public static Tensor Run(IPropagator propagator, TdhfEquation equation, Tensor initialDensity, double timeStep, int steps, int stride = 1,
        Action<int, double, Tensor>? observe = null, CancellationToken cancellation = default)
    {
        if (!(timeStep > 0) || !double.IsFinite(timeStep)) throw new TdhfInputException($"the time step must be a positive number, not {timeStep}", key: "dt");
        if (steps < 0) throw new TdhfInputException($"the number of steps must not be negative, not {steps}", key: "steps");
        if (stride < 1) throw new TdhfInputException($"the frame stride must be at least 1, not {stride}", key: "stride");
        using var scope = torch.NewDisposeScope();
        var density = equation.ApplyInitialKicks(initialDensity);
        var frames = new List<Tensor> { density };
        observe?.Invoke(0, 0, density);
        for (var step = 1; step <= steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            var next = propagator.Step(equation, density, (step - 1) * timeStep, timeStep);
            // Only kept frames stay alive; the autograd graph holds its own references to what it needs.
            if (!ReferenceEquals(frames[^1], density)) density.Dispose();
            density = next;
            if (step % stride == 0) frames.Add(density);
            observe?.Invoke(step, step * timeStep, density);
        }
        return torch.stack(frames, 1).MoveToOuterDisposeScope();
    }
}
