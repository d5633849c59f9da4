using System.ComponentModel;
using Spectre.Console.Cli;

namespace TorchTdhf.Cli.Settings;

/// <summary>Options of <c>tdhf system</c>.</summary>
public sealed class SystemSettings : ScfSettings
{
    /// <summary>Where to write the npz.</summary>
    [CommandOption("-o|--out <FILE>")]
    [Description("The npz file to write (AO and orthonormal pieces; keys listed in the README).")]
    public string? Out { get; init; }

    /// <summary>Import AO integrals from an npz instead of computing them.</summary>
    [CommandOption("--from-npz <FILE>")]
    [Description("Build the system from an npz of AO integrals (keys overlap, kinetic, potential, dipole_x/y/z, eri, nuclear_repulsion, n_electrons; optional x, p0_orthonormal).")]
    public string? FromNpz { get; init; }

    /// <summary>The imported file follows the learningTDHF conventions.</summary>
    [CommandOption("--paper-convention")]
    [Description("The imported p0_orthonormal has trace N/2 and the conjugated time convention of the paper's data (converted on import).")]
    public bool PaperConvention { get; init; }
}
