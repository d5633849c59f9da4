using System.ComponentModel;
using Spectre.Console.Cli;

namespace TorchTdhf.Cli.Settings;

/// <summary>Options of <c>tdhf bench gemm</c>.</summary>
public sealed class BenchGemmSettings : OutputSettings
{
    /// <summary>Order of the square matrices multiplied.</summary>
    [CommandOption("--size <N>")]
    [Description("Order n of the square matrices multiplied (default 1024; large enough to be compute bound).")]
    public int Size { get; init; } = 1024;

    /// <summary>Timed products per dtype.</summary>
    [CommandOption("--repeat <N>")]
    [Description("Timed products per dtype after a warm-up; the best is reported (default 5).")]
    public int Repeat { get; init; } = 5;

    /// <summary>libtorch threads.</summary>
    [CommandOption("--threads <N>")]
    [Description("libtorch threads (default: libtorch's own choice, all cores).")]
    public int? Threads { get; init; }
}
