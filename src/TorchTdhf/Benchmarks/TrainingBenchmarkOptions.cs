using TorchTdhf.Models;

namespace TorchTdhf.Benchmarks;

/// <summary>What <see cref="TrainingBenchmark.Run"/> times.</summary>
public sealed record TrainingBenchmarkOptions
{
    /// <summary>The model.</summary>
    public ModelKind Model { get; init; } = ModelKind.Symm;

    /// <summary>S, derivative-matching samples (random densities) in one LSMR iteration.</summary>
    public int Samples { get; init; } = 40_000;

    /// <summary>Samples per chunk of the operator; null: sized by <see cref="Training.DerivativeResidualOptions"/>'s memory budget.</summary>
    public int? Chunk { get; init; }

    /// <summary>Timed iterations; the fastest is reported.</summary>
    public int Repeat { get; init; } = 3;

    /// <summary>Seed of the densities, targets and parameters.</summary>
    public long Seed { get; init; }

    /// <summary>Noise factor of the random densities around the ground state.</summary>
    public double Noise { get; init; } = 0.5;

    /// <summary>Matrix order of the GEMM peak measured alongside.</summary>
    public int GemmSize { get; init; } = 1024;

    /// <summary>libtorch threads; null keeps the current count.</summary>
    public int? Threads { get; init; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="TdhfInputException">A setting is out of range; the key names it.</exception>
    public void Validate()
    {
        if (Samples < 1) throw new TdhfInputException($"--samples must be at least 1, not {Samples}", key: "samples");
        if (Chunk is < 1) throw new TdhfInputException($"--chunk must be at least 1, not {Chunk}", key: "chunk");
        if (Repeat < 1) throw new TdhfInputException($"--repeat must be at least 1, not {Repeat}", key: "repeat");
        if (Seed < 0) throw new TdhfInputException($"--seed must be non-negative, not {Seed}", key: "seed");
        if (GemmSize < 64) throw new TdhfInputException($"--gemm-size must be at least 64, not {GemmSize}", key: "gemm-size");
        if (Threads is < 1) throw new TdhfInputException($"--threads must be at least 1, not {Threads}", key: "threads");
    }
}
