using System.ComponentModel;
using Spectre.Console.Cli;

namespace TorchTdhf.Cli.Settings;

/// <summary>Options of <c>tdhf bench propagate</c>.</summary>
public sealed class BenchPropagateSettings : BenchSystemSettings
{
    /// <summary>Trajectories propagated together.</summary>
    [CommandOption("--batch <B>")]
    [Description("Trajectories propagated together (default 100).")]
    public int Batch { get; init; } = 100;

    /// <summary>Steps per timed run.</summary>
    [CommandOption("--steps <S>")]
    [Description("Steps per timed run (default 10).")]
    public int Steps { get; init; } = 10;

    /// <summary>Propagator name.</summary>
    [CommandOption("--integrator <NAME>")]
    [Description("rk4, magnus4 or expmid (default rk4).")]
    public string Integrator { get; init; } = "rk4";

    /// <summary>Field specification.</summary>
    [CommandOption("--field <SPEC>")]
    [Description("Field: none, sin:amp=…,omega=…,cycles=…,dir=z, kick:strength=…,dir=z or JSON (default: the paper's pulse).")]
    public string? Field { get; init; }

    /// <summary>Time step.</summary>
    [CommandOption("--dt <DT>")]
    [Description("Time step, atomic units (default 0.0826).")]
    public double TimeStep { get; init; } = 0.0826;

    /// <summary>Timed runs.</summary>
    [CommandOption("--repeat <N>")]
    [Description("Timed runs of --steps steps each; the fastest is reported (default 3).")]
    public int Repeat { get; init; } = 3;

    /// <summary>Untimed steps first.</summary>
    [CommandOption("--warmup <N>")]
    [Description("Untimed steps before the timed runs (default 2).")]
    public int Warmup { get; init; } = 2;

    /// <summary>Seed of the random initial densities.</summary>
    [CommandOption("--seed <N>")]
    [Description("Seed of the random initial densities around the ground state (default 0).")]
    public long Seed { get; init; }

    /// <summary>Noise factor of the random initial densities.</summary>
    [CommandOption("--noise <F>")]
    [Description("Noise of the random initial densities, relative to the mean |P0_ij| (default 0.5).")]
    public double Noise { get; init; } = 0.5;

    /// <summary>Matrix order of the GEMM peak.</summary>
    [CommandOption("--gemm-size <N>")]
    [Description("Matrix order of the GEMM peak measured in the same run (default 1024).")]
    public int GemmSize { get; init; } = 1024;

    /// <summary>libtorch threads.</summary>
    [CommandOption("--threads <N>")]
    [Description("libtorch threads for propagation and GEMM peak (default: libtorch's own choice, all cores).")]
    public int? Threads { get; init; }
}
