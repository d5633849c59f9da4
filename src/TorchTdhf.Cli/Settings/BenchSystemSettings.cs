using System.ComponentModel;
using Spectre.Console.Cli;
using TorchTdhf.Chemistry;

namespace TorchTdhf.Cli.Settings;

/// <summary>Options of the benchmarks that run on one system: a shipped molecule and basis, or a system npz.</summary>
public abstract class BenchSystemSettings : MoleculeSettings
{
    /// <summary>A system npz written by <c>tdhf system</c>, instead of --molecule and --basis.</summary>
    [CommandOption("--system <FILE>")]
    [Description("A system npz written by `tdhf system` (instead of --molecule and --basis).")]
    public string? System { get; init; }

    /// <summary>Builds the system these options name.</summary>
    /// <exception cref="TdhfInputException">Both or neither of --system and --molecule/--basis are given, or the file is bad.</exception>
    public MolecularSystem BuildSystem()
    {
        if (System is { } path)
        {
            if (Molecule is not null || Basis is not null)
                throw new TdhfInputException("give either --system or --molecule/--basis, not both", key: "--system");
            return AoIntegralsFile.ReadSystem(path);
        }
        return new MolecularSystemBuilder().Build(RequireSystemSpec());
    }
}
