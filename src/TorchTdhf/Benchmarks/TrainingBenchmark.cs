using System.Diagnostics;
using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.Models;
using TorchTdhf.Runtime;
using TorchTdhf.Training;
using static TorchSharp.torch;

namespace TorchTdhf.Benchmarks;

/// <summary>
/// Times one LSMR iteration of derivative matching, i.e. one J·v and one Jᵀ·w of <see cref="DerivativeResidual"/> over
/// S random closed-shell densities with random targets and parameters, and relates it to the float64 GEMM peak
/// measured in the same run.
/// </summary>
public static class TrainingBenchmark
{
    /// <summary>Builds the samples, warms up with one iteration, then times <see cref="TrainingBenchmarkOptions.Repeat"/> iterations.</summary>
    /// <param name="system">Supplies N, the ground-state density and electron count.</param>
    /// <param name="options">Model, samples, chunk, repeats.</param>
    /// <param name="cancellation">Checked between iterations.</param>
    /// <exception cref="TdhfInputException">An option is out of range.</exception>
    public static TrainingBenchmarkResult Run(MolecularSystem system, TrainingBenchmarkOptions options, CancellationToken cancellation = default)
    {
        options.Validate();
        using var threads = new TorchThreads(options.Threads);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var n = system.OrbitalCount;
        var densities = RandomIdempotentEnsemble.Generate(system.GroundStateDensity, system.ElectronCount, options.Noise, options.Seed, options.Samples);
        var generator = new torch.Generator((ulong)options.Seed + 1);
        var targets = RandomComplex(options.Samples, n, generator);
        using var samples = TrainingSet.FromSamples(densities, targets, system.Fingerprint);
        densities.Dispose();
        targets.Dispose();
        using var model = ModelFactory.Random(options.Model, n, (int)options.Seed);
        using var problem = new DerivativeResidual(model, samples, new DerivativeResidualOptions { ChunkSize = options.Chunk });
        var theta = torch.randn(model.ParameterCount, ScalarType.Float64, generator: generator);
        var cotangent = torch.randn(problem.RightHandSide.shape, ScalarType.Float64, generator: generator);

        void Iterate()
        {
            using var inner = torch.NewDisposeScope();
            problem.Apply(theta);
            problem.ApplyAdjoint(cotangent);
        }

        Iterate();
        var runs = new double[options.Repeat];
        for (var r = 0; r < options.Repeat; r++)
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            Iterate();
            runs[r] = clock.Elapsed.TotalSeconds;
        }
        var flops = FlopsPerIteration(model, problem, options.Samples, n);
        var peak = GemmBenchmark.Measure(options.GemmSize);
        return new TrainingBenchmarkResult(system.Name, n, options.Model.Name(), model.ParameterCount, options.Samples, problem.ChunkSize, runs, flops, peak,
            TorchThreads.Current);
    }

    /// <summary>
    /// Real flops of one J·v and one Jᵀ·w over <paramref name="samples"/> densities: the model's own count of its
    /// products (<see cref="ModelFactory.Flops"/>) plus, per sample, the complex N×N products of the commutators
    /// [G, P] and [W, P] (<see cref="DerivativeResidual.ComplexProductsPerSample"/>) at 8N³ real flops each. Additions,
    /// reshapes and the packing of triangles and coordinates are not counted.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="problem">The operator timed (it says how many products its commutators take).</param>
    /// <param name="samples">S.</param>
    /// <param name="basisSize">N.</param>
    public static double FlopsPerIteration(ILearnablePotential model, DerivativeResidual problem, long samples, int basisSize)
    {
        var (apply, adjoint) = ModelFactory.Flops(model, samples);
        var commutators = problem.ComplexProductsPerSample * 8.0 * basisSize * (double)basisSize * basisSize * samples;
        return apply + (double)adjoint + commutators;
    }

    // [S, N, N] complex128 with standard normal real and imaginary parts.
    private static Tensor RandomComplex(int samples, int n, torch.Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var shape = new long[] { samples, n, n };
        var real = torch.randn(shape, ScalarType.Float64, generator: generator);
        var imaginary = torch.randn(shape, ScalarType.Float64, generator: generator);
        return torch.complex(real, imaginary).MoveToOuterDisposeScope();
    }
}
