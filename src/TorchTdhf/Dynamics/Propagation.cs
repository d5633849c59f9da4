using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>Runs a propagator over many steps for a batch of trajectories.</summary>
/// <remarks>
/// Both entry points first apply the fields' initial kicks (<see cref="TdhfEquation.ApplyInitialKicks"/>), then take
/// the steps from t = 0; step k starts at t = k·dt (computed, not summed, so long runs stay on the grid). They are
/// differentiable when the propagator is: intermediate densities are released as soon as they are superseded, and the
/// autograd graph keeps its own references to whatever backward needs.
/// </remarks>
public static class Propagation
{
    /// <summary>Propagates and keeps every <paramref name="stride"/>-th density.</summary>
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
        if (stride < 1) throw new TdhfInputException($"the frame stride must be at least 1, not {stride}", key: "stride");
        using var scope = torch.NewDisposeScope();
        var frames = new List<Tensor>();
        Advance(propagator, equation, initialDensity, timeStep, steps, (step, density) =>
        {
            if (step % stride != 0) return false;
            frames.Add(density);
            return true;
        }, observe, cancellation);
        return torch.stack(frames, 1).MoveToOuterDisposeScope();
    }

    /// <summary>Propagates and keeps only the final density (pass <paramref name="observe"/> to see the others).</summary>
    /// <inheritdoc cref="Run" path="/param"/>
    /// <returns>P(steps·dt): [B, N, N] complex128, orthonormal basis.</returns>
    public static Tensor RunToEnd(IPropagator propagator, TdhfEquation equation, Tensor initialDensity, double timeStep, int steps,
        Action<int, double, Tensor>? observe = null, CancellationToken cancellation = default)
    {
        using var scope = torch.NewDisposeScope();
        return Advance(propagator, equation, initialDensity, timeStep, steps, (_, _) => false, observe, cancellation).MoveToOuterDisposeScope();
    }

    // Returns the final density; densities for which keep returns true are left alive for the caller.
    private static Tensor Advance(IPropagator propagator, TdhfEquation equation, Tensor initialDensity, double timeStep, int steps,
        Func<int, Tensor, bool> keep, Action<int, double, Tensor>? observe, CancellationToken cancellation)
    {
        if (!(timeStep > 0) || !double.IsFinite(timeStep)) throw new TdhfInputException($"the time step must be a positive number, not {timeStep}", key: "dt");
        if (steps < 0) throw new TdhfInputException($"the number of steps must not be negative, not {steps}", key: "steps");
        var density = equation.ApplyInitialKicks(initialDensity);
        var kept = keep(0, density);
        observe?.Invoke(0, 0, density);
        for (var step = 1; step <= steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            var next = propagator.Step(equation, density, (step - 1) * timeStep, timeStep);
            if (!kept) density.Dispose();
            density = next;
            kept = keep(step, density);
            observe?.Invoke(step, step * timeStep, density);
        }
        return density;
    }
}
