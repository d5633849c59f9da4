using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TorchTdhf.Cli.Settings;

/// <summary>Options of <c>tdhf evaluate</c>.</summary>
public sealed class EvaluateSettings : OutputSettings
{
    /// <summary>A training run folder or one of its checkpoint folders.</summary>
    [CommandOption("-c|--checkpoint <DIR>")]
    [Description("A training run folder (its newest checkpoint is used) or a checkpoint folder (latest/, previous/).")]
    public string? Checkpoint { get; init; }

    /// <summary>Test dataset folders.</summary>
    [CommandOption("-t|--test <DIR>")]
    [Description("Dataset folder(s) of the same system; trajectories with a role starting with 'test' are evaluated (all, if there are none). Repeatable.")]
    public string[] Test { get; init; } = Array.Empty<string>();

    /// <summary>Skip propagating the model.</summary>
    [CommandOption("--no-propagation")]
    [Description("Only the residual, potential and parameter errors (no propagation).")]
    public bool NoPropagation { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Checkpoint)) return ValidationResult.Error("--checkpoint DIR is required");
        if (Test.Length == 0) return ValidationResult.Error("--test DIR is required (at least one dataset folder)");
        return ValidationResult.Success();
    }
}
