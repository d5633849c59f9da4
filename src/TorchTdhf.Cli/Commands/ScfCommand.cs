using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Chemistry;
using TorchTdhf.Cli.Output;
using TorchTdhf.Cli.Settings;

namespace TorchTdhf.Cli.Commands;

/// <summary><c>tdhf scf</c>: the RHF ground state of a molecule in a basis set.</summary>
public sealed class ScfCommand : Command<ScfSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ScfSettings settings, CancellationToken cancellationToken)
    {
        var spec = settings.RequireSystemSpec();
        var builder = new MolecularSystemBuilder();
        var clock = Stopwatch.StartNew();
        var (molecule, basis) = builder.Resolve(spec);
        var integrals = Busy.Run(settings, $"Integrals ({basis.FunctionCount} functions)", () => MolecularSystemBuilder.Integrals(molecule, basis));
        var integralSeconds = clock.Elapsed.TotalSeconds;
        using var system = Busy.Run(settings, "RHF", () =>
            MolecularSystem.Compute(MolecularSystemBuilder.SystemName(spec), integrals, settings.ToRhfOptions(), aoBasis: basis, source: molecule.Source));
        var scfSeconds = clock.Elapsed.TotalSeconds - integralSeconds;
        var rhf = system.Rhf!;

        var report = new ScfReport(
            spec.Molecule, basis.Name, rhf.TotalEnergy, rhf.ElectronicEnergy, rhf.NuclearRepulsion, basis.FunctionCount,
            system.OrbitalCount, system.Basis.DroppedCount, molecule.ElectronCount, molecule.Charge, rhf.OrbitalEnergies.ToArray(),
            rhf.Iterations, rhf.Converged, integralSeconds, scfSeconds);
        if (settings.Json) JsonOutput.Print(report);
        else Print(report);
        return 0;
    }

    private static void Print(ScfReport r)
    {
        var table = new Table().HideHeaders().AddColumns("", "");
        table.AddRow("molecule", Markup.Escape(r.Molecule));
        table.AddRow("basis", Markup.Escape(r.Basis));
        table.AddRow("electrons / charge", $"{r.NElectrons} / {r.Charge:+0;-0;0}");
        table.AddRow("basis functions", r.NOrthonormal == r.NBasis ? $"{r.NBasis}" : $"{r.NBasis} ({r.NDropped} dropped as linearly dependent)");
        table.AddRow("E(RHF)", $"{r.Energy:F12} Eh");
        table.AddRow("electronic energy", $"{r.ElectronicEnergy:F12} Eh");
        table.AddRow("nuclear repulsion", $"{r.NuclearRepulsion:F12} Eh");
        table.AddRow("iterations", $"{r.Iterations} ({(r.Converged ? "converged" : "NOT converged")})");
        table.AddRow("time", $"integrals {r.IntegralSeconds:F3} s, SCF {r.ScfSeconds:F3} s");
        AnsiConsole.Write(table);
        var occupied = r.NElectrons / 2;
        AnsiConsole.MarkupLine("[bold]Orbital energies (Eh)[/], occupied marked *:");
        for (var i = 0; i < r.OrbitalEnergies.Length; i++)
            AnsiConsole.WriteLine($"  {i + 1,4} {(i < occupied ? "*" : " ")} {r.OrbitalEnergies[i],18:F10}");
    }

    private sealed record ScfReport(
        string Molecule, string Basis, double Energy, double ElectronicEnergy, double NuclearRepulsion, int NBasis, int NOrthonormal,
        int NDropped, int NElectrons, int Charge, double[] OrbitalEnergies, int Iterations, bool Converged, double IntegralSeconds,
        double ScfSeconds);
}
