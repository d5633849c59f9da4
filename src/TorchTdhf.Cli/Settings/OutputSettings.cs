using System.ComponentModel;
using Spectre.Console.Cli;

namespace TorchTdhf.Cli.Settings;

/// <summary>The <c>--json</c> switch every command shares.</summary>
public class OutputSettings : CommandSettings
{
    /// <summary>Print one JSON object on standard output instead of the human-readable report.</summary>
    [CommandOption("--json")]
    [Description("Print one JSON object instead of the human-readable report.")]
    public bool Json { get; init; }
}
