namespace TorchTdhf.Benchmarks;

/// <summary>Figures of one <see cref="PropagationBenchmark.Run"/>.</summary>
/// <param name="System">The system's name, e.g. <c>nh3/cc-pvdz</c>.</param>
/// <param name="BasisSize">N, the orthonormal basis size.</param>
/// <param name="Integrator">The propagator's canonical name.</param>
/// <param name="BatchSize">B.</param>
/// <param name="Steps">Steps per timed run.</param>
/// <param name="TimeStep">dt, atomic units.</param>
/// <param name="Runs">Seconds of every timed run.</param>
/// <param name="FockBuildsPerStep">Fock builds per trajectory and step, counted during the timed runs.</param>
/// <param name="FlopsPerTrajectoryStep">Real operations per trajectory and step (<see cref="PropagationFlops"/>).</param>
/// <param name="Gemm">The GEMM peak measured in the same run, with the same threads.</param>
/// <param name="Threads">libtorch's intra-op threads.</param>
public sealed record PropagationBenchmarkResult(string System, int BasisSize, string Integrator, int BatchSize, int Steps, double TimeStep,
    IReadOnlyList<double> Runs, double FockBuildsPerStep, double FlopsPerTrajectoryStep, GemmPeak Gemm, int Threads)
{
    /// <summary>The fastest run, seconds.</summary>
    public double Seconds => Runs.Min();

    /// <summary>Single-trajectory steps per second in the fastest run: B × steps / seconds.</summary>
    public double TrajectoryStepsPerSecond => (double)BatchSize * Steps / Seconds;

    /// <summary>Real floating-point operations per batch step: B × <see cref="FlopsPerTrajectoryStep"/>.</summary>
    public double FlopsPerStep => BatchSize * FlopsPerTrajectoryStep;

    /// <summary>GFLOP/s of the fastest run.</summary>
    public double Gflops => TrajectoryStepsPerSecond * FlopsPerTrajectoryStep / 1e9;

    /// <summary><see cref="Gflops"/> over the complex128 GEMM peak.</summary>
    public double FractionOfComplexGemmPeak => Gflops / Gemm.Complex128GflopsPerSecond;

    /// <summary><see cref="Gflops"/> over the float64 GEMM peak.</summary>
    public double FractionOfFloat64GemmPeak => Gflops / Gemm.Float64GflopsPerSecond;
}
