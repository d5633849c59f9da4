namespace TorchTdhf.Benchmarks;

/// <summary>The figures of one <see cref="TrainingBenchmark"/> run.</summary>
/// <param name="System">The system's name.</param>
/// <param name="BasisSize">N.</param>
/// <param name="Model">Model kind name.</param>
/// <param name="ParameterCount">Length of θ.</param>
/// <param name="Samples">S.</param>
/// <param name="Chunk">Samples per chunk used.</param>
/// <param name="Runs">Seconds of each timed iteration (one J·v and one Jᵀ·w over all samples).</param>
/// <param name="FlopsPerIteration">Real flops of one iteration by <see cref="TrainingBenchmark.FlopsPerIteration"/>.</param>
/// <param name="Gemm">The GEMM peak measured in the same run.</param>
/// <param name="Threads">libtorch threads.</param>
public sealed record TrainingBenchmarkResult(string System, int BasisSize, string Model, long ParameterCount, int Samples, long Chunk,
    IReadOnlyList<double> Runs, double FlopsPerIteration, GemmPeak Gemm, int Threads)
{
    /// <summary>Seconds per LSMR iteration: the fastest run.</summary>
    public double SecondsPerIteration => Runs.Min();

    /// <summary>GFLOP/s of the fastest run.</summary>
    public double Gflops => FlopsPerIteration / SecondsPerIteration / 1e9;

    /// <summary>GFLOP/s over the float64 GEMM peak.</summary>
    public double FractionOfFloat64GemmPeak => Gflops / Gemm.Float64GflopsPerSecond;
}
