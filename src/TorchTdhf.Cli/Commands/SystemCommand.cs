using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Chemistry;
using TorchTdhf.Cli.Output;
using TorchTdhf.Cli.Settings;

namespace TorchTdhf.Cli.Commands;

/// <summary><c>tdhf system</c>: writes a molecular system's AO and orthonormal-basis pieces to an npz.</summary>
public sealed class SystemCommand : Command<SystemSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, SystemSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Out)) throw new TdhfInputException("--out is required (the npz file to write)", key: "--out");
        using var system = Busy.Run(settings, "Building the system", () => Build(settings));
        AoIntegralsFile.Write(system, settings.Out);

        var summary = new SystemReport(system.Name, Path.GetFullPath(settings.Out), system.FunctionCount, system.OrbitalCount,
            system.ElectronCount, system.Rhf?.TotalEnergy, system.NuclearRepulsion, system.Fingerprint);
        if (settings.Json) JsonOutput.Print(summary);
        else
        {
            AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(summary.Out)}[/]");
            AnsiConsole.WriteLine($"  {summary.Name}: {summary.NBasis} AO functions, {summary.NOrthonormal} orthonormal, {summary.NElectrons} electrons");
            if (summary.Energy is double e) AnsiConsole.WriteLine($"  E(RHF) = {e:F12} Eh");
            AnsiConsole.WriteLine($"  fingerprint {summary.Fingerprint}");
        }
        return 0;
    }

    private static MolecularSystem Build(SystemSettings settings)
    {
        if (settings.FromNpz is { } npz)
        {
            if (settings.Molecule is not null || settings.Basis is not null)
                throw new TdhfInputException("give either --from-npz or --molecule/--basis, not both", key: "--from-npz");
            return AoIntegralsFile.ReadSystem(npz, new AoIntegralsFileOptions { PaperConvention = settings.PaperConvention }, settings.ToRhfOptions());
        }
        return new MolecularSystemBuilder().Build(settings.RequireSystemSpec(), settings.ToRhfOptions());
    }

    private sealed record SystemReport(string Name, string Out, int NBasis, int NOrthonormal, int NElectrons, double? Energy,
        double NuclearRepulsion, string Fingerprint);
}
