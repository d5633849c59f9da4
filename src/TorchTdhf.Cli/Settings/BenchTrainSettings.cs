using System.ComponentModel;
using Spectre.Console.Cli;

namespace TorchTdhf.Cli.Settings;

/// <summary>Options of <c>tdhf bench train</c>.</summary>
public sealed class BenchTrainSettings : BenchSystemSettings
{
    /// <summary>Samples.</summary>
    [CommandOption("--samples <S>")]
    [Description("Random densities in one LSMR iteration (default 40000).")]
    public int Samples { get; init; } = 40_000;

    /// <summary>Model kind.</summary>
    [CommandOption("--model <KIND>")]
    [Description("tied, herm or symm (default symm).")]
    public string Model { get; init; } = "symm";

    /// <summary>Chunk size.</summary>
    [CommandOption("--chunk <S>")]
    [Description("Samples per chunk (default: sized to 256 MiB of working memory).")]
    public int? Chunk { get; init; }

    /// <summary>Timed iterations.</summary>
    [CommandOption("--repeat <N>")]
    [Description("Timed iterations after one warm-up; the fastest is reported (default 3).")]
    public int Repeat { get; init; } = 3;

    /// <summary>Seed.</summary>
    [CommandOption("--seed <N>")]
    [Description("Seed of densities, targets and parameters (default 0).")]
    public long Seed { get; init; }

    /// <summary>GEMM size.</summary>
    [CommandOption("--gemm-size <N>")]
    [Description("Matrix order of the GEMM peak measured in the same run (default 1024).")]
    public int GemmSize { get; init; } = 1024;

    /// <summary>Threads.</summary>
    [CommandOption("--threads <N>")]
    [Description("libtorch threads (default: libtorch's own choice).")]
    public int? Threads { get; init; }
}
