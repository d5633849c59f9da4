using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TorchTdhf.Cli.Settings;

/// <summary>Options of <c>tdhf bench eri</c>.</summary>
public sealed class BenchEriSettings : MoleculeSettings
{
    /// <summary>Timed repetitions after the warm-up run.</summary>
    [CommandOption("--repeat <N>")]
    [Description("Timed runs after one warm-up run; the best is reported (default 3, at least 3).")]
    public int Repeat { get; init; } = 3;

    /// <summary>Threads for the integrals.</summary>
    [CommandOption("--threads <N>")]
    [Description("Threads for the integrals (default: all cores).")]
    public int? Threads { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Repeat < 3) return ValidationResult.Error("--repeat must be at least 3");
        if (Threads is <= 0) return ValidationResult.Error("--threads must be positive");
        return base.Validate();
    }
}
