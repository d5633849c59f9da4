using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TorchTdhf.Cli.Settings;

/// <summary>Options of <c>tdhf reproduce</c>.</summary>
public sealed class ReproduceSettings : OutputSettings
{
    /// <summary>The study preset.</summary>
    [CommandOption("-p|--preset <NAME>")]
    [Description("quick (HeH+ and LiH at 1 % length, a few minutes), small (the four small systems, full protocol), paper (all seven), paper-data (the paper's own integrals).")]
    public string Preset { get; init; } = "quick";

    /// <summary>Restricts the systems.</summary>
    [CommandOption("--systems <LIST>")]
    [Description("Comma-separated system presets to run instead of the preset's (e.g. heh+_6-31g,lih_6-31g).")]
    public string? Systems { get; init; }

    /// <summary>The report folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Report folder (default reports/PRESET). Work already there with matching fingerprints is reused.")]
    public string? Out { get; init; }

    /// <summary>Training device.</summary>
    [CommandOption("--device <DEVICE>")]
    [Description("cpu (default); cuda is refused by this CPU build.")]
    public string Device { get; init; } = "cpu";

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Preset) ? ValidationResult.Error("--preset NAME is required") : ValidationResult.Success();
}
