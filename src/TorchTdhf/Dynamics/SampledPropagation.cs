using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>Receives one stored sample of a <see cref="SampledPropagation"/>.</summary>
/// <param name="sample">Index of the sample: the step divided by the stride.</param>
/// <param name="time">t, atomic units.</param>
/// <param name="density">P(t): N·N complex values, row-major [N, N], orthonormal basis; valid only during the call.</param>
/// <returns>False to end the propagation here.</returns>
public delegate bool SampleObserver(int sample, double time, ReadOnlySpan<Complex> density);

/// <summary>
/// Propagates one trajectory and hands every stored sample to an observer as plain numbers: the way evaluations
/// replay a model, where only the samples are looked at and nothing is differentiated.
/// </summary>
/// <remarks>
/// With <see cref="MuntheKaas4"/>, N ≤ <see cref="Compact.CompactMuntheKaas4.MaxBasisSize"/> and a potential that is a
/// linear, exactly Hermitian map (the true potential and every learned model), the whole run stays in plain arrays
/// (<see cref="TdhfEquation.CompactSnapshot"/>): at such sizes a libtorch step costs far more in dispatch than in
/// arithmetic. The potential is read once at the start; its parameters must not change during the run. Any other
/// case takes the libtorch steps of <see cref="Propagation.RunToEnd"/> and converts the stored samples only. Both
/// paths give the same densities to round-off.
/// </remarks>
public static class SampledPropagation
{
    /// <summary>Propagates from <paramref name="initialDensity"/> (after the fields' kicks) and observes steps 0, stride, 2·stride, ….</summary>
    /// <param name="propagator">The scheme.</param>
    /// <param name="equation">The equation; one trajectory, so one field.</param>
    /// <param name="initialDensity">P(0) before any kick: [1, N, N] complex128, orthonormal basis.</param>
    /// <param name="timeStep">dt &gt; 0, atomic units.</param>
    /// <param name="steps">Number of steps (≥ 0).</param>
    /// <param name="stride">Steps between observed samples (≥ 1).</param>
    /// <param name="observe">Called with every stored sample; returning false stops the run.</param>
    /// <param name="cancellation">Checked before every step.</param>
    /// <exception cref="TdhfInputException">dt, the step count or the stride is invalid.</exception>
    /// <exception cref="PropagationNotConvergedException">An implicit scheme failed (libtorch path).</exception>
    public static void Run(IPropagator propagator, TdhfEquation equation, Tensor initialDensity, double timeStep, int steps, int stride,
        SampleObserver observe, CancellationToken cancellation = default)
    {
        if (stride < 1) throw new TdhfInputException($"the frame stride must be at least 1, not {stride}", key: "stride");
        if (!(timeStep > 0) || !double.IsFinite(timeStep)) throw new TdhfInputException($"the time step must be a positive number, not {timeStep}", key: "dt");
        if (steps < 0) throw new TdhfInputException($"the number of steps must not be negative, not {steps}", key: "steps");
        if (initialDensity.shape[0] != 1) throw new ArgumentException($"one trajectory is propagated, not {initialDensity.shape[0]}", nameof(initialDensity));
        var compact = propagator is MuntheKaas4 && initialDensity.device_type == DeviceType.CPU ? equation.CompactSnapshot() : null;
        if (compact is not null) RunCompact(compact, equation, initialDensity, timeStep, steps, stride, observe, cancellation);
        else RunLibtorch(propagator, equation, initialDensity, timeStep, steps, stride, observe, cancellation);
    }

    private static void RunCompact(Compact.CompactMuntheKaas4 compact, TdhfEquation equation, Tensor initialDensity, double timeStep, int steps,
        int stride, SampleObserver observe, CancellationToken cancellation)
    {
        var n = equation.BasisSize;
        var sample = new Complex[n * n];
        using (var start = equation.ApplyInitialKicks(initialDensity))
        using (var flat = start.reshape(-1).contiguous())
            flat.data<Complex>().CopyTo(sample);
        var density = new Compact.ComplexMatrix(n);
        density.Load(sample);
        if (!observe(0, 0, sample)) return;
        for (var step = 1; step <= steps; step++)
        {
            cancellation.ThrowIfCancellationRequested();
            compact.Advance(density, 0, (step - 1) * timeStep, timeStep);
            if (step % stride != 0) continue;
            density.Store(sample);
            if (!observe(step / stride, step * timeStep, sample)) return;
        }
    }

    private static void RunLibtorch(IPropagator propagator, TdhfEquation equation, Tensor initialDensity, double timeStep, int steps, int stride,
        SampleObserver observe, CancellationToken cancellation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var sample = new Complex[equation.BasisSize * equation.BasisSize];
        try
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            Propagation.RunToEnd(propagator, equation, initialDensity, timeStep, steps, (step, time, density) =>
            {
                if (step % stride != 0) return;
                using (var flat = density.reshape(-1).contiguous()) flat.data<Complex>().CopyTo(sample);
                if (!observe(step / stride, time, sample)) stop.Cancel();
            }, stop.Token).Dispose();
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
        }
    }
}
