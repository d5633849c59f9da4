using TorchTdhf.Dynamics;

namespace TorchTdhf.Benchmarks;

/// <summary>What <see cref="PropagationBenchmark.Run"/> times.</summary>
public sealed record PropagationBenchmarkOptions
{
    /// <summary>B, trajectories propagated together.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Steps per timed run.</summary>
    public int Steps { get; init; } = 10;

    /// <summary>Timed runs; the fastest is reported, as load from other processes only ever slows a run down.</summary>
    public int Repeat { get; init; } = 3;

    /// <summary>Untimed steps first, so one-off allocations and thread start-up are not counted.</summary>
    public int WarmupSteps { get; init; } = 2;

    /// <summary>Propagator name (<see cref="Propagators.Names"/>).</summary>
    public string Integrator { get; init; } = "rk4";

    /// <summary>The field driving every trajectory; the paper's pulse by default, so the coupling E(t)·r is built every stage.</summary>
    public Field Field { get; init; } = SinusoidalField.Paper();

    /// <summary>dt, atomic units; the reference trajectories' step by default.</summary>
    public double TimeStep { get; init; } = 0.0826;

    /// <summary>Seed of the random initial densities.</summary>
    public long Seed { get; init; }

    /// <summary>Noise factor of the random initial densities (see <see cref="Dynamics.InitialConditions.RandomIdempotentEnsemble"/>).</summary>
    public double Noise { get; init; } = 0.5;

    /// <summary>Matrix order of the GEMM peak measured alongside (<see cref="GemmBenchmark.Measure"/>).</summary>
    public int GemmSize { get; init; } = 1024;

    /// <summary>libtorch threads for the whole measurement, GEMM peak included; null keeps the current count.</summary>
    public int? Threads { get; init; }

    /// <summary>Checks every setting.</summary>
    /// <exception cref="TdhfInputException">A setting is out of range or the integrator is unknown; the key names it.</exception>
    public void Validate()
    {
        if (BatchSize < 1) throw new TdhfInputException($"the batch must hold at least one trajectory, not {BatchSize}", key: "batch");
        if (Steps < 1) throw new TdhfInputException($"at least one step must be timed, not {Steps}", key: "steps");
        if (Repeat < 1) throw new TdhfInputException($"at least one timed run is needed, not {Repeat}", key: "repeat");
        if (WarmupSteps < 0) throw new TdhfInputException($"the warm-up steps must not be negative, not {WarmupSteps}", key: "warmup");
        if (!(TimeStep > 0) || !double.IsFinite(TimeStep)) throw new TdhfInputException($"the time step must be a positive number, not {TimeStep}", key: "dt");
        if (GemmSize < 1) throw new TdhfInputException($"the GEMM matrix order must be positive, not {GemmSize}", key: "gemm-size");
        if (!(Noise >= 0) || !double.IsFinite(Noise)) throw new TdhfInputException($"the noise factor must be finite and non-negative, not {Noise}", key: "noise");
        if (Seed < 0) throw new TdhfInputException($"the seed must not be negative, not {Seed}", key: "seed");
        if (Threads is <= 0) throw new TdhfInputException($"the thread count must be positive, not {Threads}", key: "threads");
        Propagators.Create(Integrator);
    }
}
