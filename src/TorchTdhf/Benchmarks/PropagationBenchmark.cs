using System.Diagnostics;
using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.Models;
using TorchTdhf.Runtime;
using static TorchSharp.torch;

namespace TorchTdhf.Benchmarks;

/// <summary>
/// Times ensemble propagation with the true potential and relates it to the machine's GEMM peak, measured in the
/// same run: trajectory-steps per second, GFLOP/s by <see cref="PropagationFlops"/>, fractions of the peaks.
/// </summary>
public static class PropagationBenchmark
{
    /// <summary>Propagates a seeded random ensemble around the ground state and times it.</summary>
    /// <param name="system">The molecule; its ERIs make the <see cref="TruePotential"/>.</param>
    /// <param name="options">Batch, steps, integrator, field, threads, ….</param>
    /// <param name="cancellation">Checked between steps.</param>
    /// <exception cref="TdhfInputException">An option is out of range.</exception>
    public static PropagationBenchmarkResult Run(MolecularSystem system, PropagationBenchmarkOptions options, CancellationToken cancellation = default)
    {
        options.Validate();
        using var threads = new TorchThreads(options.Threads);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        using var truePotential = new TruePotential(system.Eri);
        var potential = new CountingPotential(truePotential);
        using var equation = new TdhfEquation(system, potential, options.Field);
        var propagator = Propagators.Create(options.Integrator);
        // Random closed-shell densities rather than copies of the ground state, so that every trajectory moves.
        var ensemble = RandomIdempotentEnsemble.Generate(system.GroundStateDensity, system.ElectronCount, options.Noise, options.Seed, options.BatchSize);
        var density = equation.ApplyInitialKicks(ensemble);

        var step = 0;
        void Advance(int count)
        {
            for (var i = 0; i < count; i++, step++)
            {
                cancellation.ThrowIfCancellationRequested();
                var next = propagator.Step(equation, density, step * options.TimeStep, options.TimeStep);
                density.Dispose();
                density = next;
            }
        }

        Advance(options.WarmupSteps);
        potential.Reset();
        var runs = new double[options.Repeat];
        for (var run = 0; run < options.Repeat; run++)
        {
            var clock = Stopwatch.StartNew();
            Advance(options.Steps);
            runs[run] = clock.Elapsed.TotalSeconds;
        }
        var trajectorySteps = (double)options.BatchSize * options.Steps * options.Repeat;
        var fockBuildsPerStep = potential.Densities / trajectorySteps;
        var flops = PropagationFlops.PerTrajectoryStep(options.Integrator, system.OrbitalCount, truePotential.FlopsPerDensity,
            truePotential.IsExactlyHermitian, fockBuildsPerStep);
        var peak = GemmBenchmark.Measure(options.GemmSize);
        density.Dispose();
        return new PropagationBenchmarkResult(system.Name, system.OrbitalCount, propagator.Name, options.BatchSize, options.Steps, options.TimeStep,
            runs, fockBuildsPerStep, flops, peak, TorchThreads.Current);
    }
}
