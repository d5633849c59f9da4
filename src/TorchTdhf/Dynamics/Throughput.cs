using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>A timed run of a propagator: how many steps per second a batch advances.</summary>
/// <param name="Propagator">The scheme's name.</param>
/// <param name="BatchSize">B, trajectories advanced together.</param>
/// <param name="BasisSize">N, the orthonormal basis size.</param>
/// <param name="Steps">Timed steps (after warm-up).</param>
/// <param name="Seconds">Wall-clock time of the timed steps.</param>
public sealed record Throughput(string Propagator, int BatchSize, int BasisSize, int Steps, double Seconds)
{
    /// <summary>Batch steps per second.</summary>
    public double StepsPerSecond => Steps / Seconds;

    /// <summary>Single-trajectory steps per second (B × <see cref="StepsPerSecond"/>).</summary>
    public double TrajectoryStepsPerSecond => BatchSize * StepsPerSecond;

    /// <summary>Times <paramref name="steps"/> steps of <paramref name="propagator"/> without autograd, after a short warm-up.</summary>
    /// <param name="propagator">The scheme.</param>
    /// <param name="equation">The equation to integrate.</param>
    /// <param name="density">Starting densities: [B, N, N] complex128, orthonormal basis.</param>
    /// <param name="timeStep">dt, atomic units.</param>
    /// <param name="steps">Timed steps (≥ 1).</param>
    /// <param name="warmupSteps">Untimed steps first, so one-off allocations and thread start-up are not counted.</param>
    public static Throughput Measure(IPropagator propagator, TdhfEquation equation, Tensor density, double timeStep, int steps, int warmupSteps = 3)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "at least one step must be timed");
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var current = density;
        var clock = new Stopwatch();
        for (var step = 0; step < warmupSteps + steps; step++)
        {
            if (step == warmupSteps) clock.Start();
            var next = propagator.Step(equation, current, step * timeStep, timeStep);
            if (!ReferenceEquals(current, density)) current.Dispose();
            current = next;
        }
        clock.Stop();
        return new Throughput(propagator.Name, (int)density.shape[0], (int)density.shape[1], steps, clock.Elapsed.TotalSeconds);
    }
}
