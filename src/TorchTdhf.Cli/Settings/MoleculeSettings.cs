using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Chemistry;

namespace TorchTdhf.Cli.Settings;

/// <summary>Options naming a molecule and a basis set, shared by the commands that build a system.</summary>
public class MoleculeSettings : OutputSettings
{
    /// <summary>Shipped molecule name (e.g. <c>lih</c>) or path to an xyz file (Å).</summary>
    [CommandOption("-m|--molecule <MOLECULE>")]
    [Description("Shipped molecule name (h2o, lih, heh+, c2h4, nh3, p-nitroaniline, c6h10n2o2) or an xyz file (Å); the comment line may hold charge=Q multiplicity=M.")]
    public string? Molecule { get; init; }

    /// <summary>Basis-set name or path to a Gaussian94 file.</summary>
    [CommandOption("-b|--basis <BASIS>")]
    [Description("Basis-set name (sto-3g, 6-31G*, 6-311++G**, cc-pVDZ, …) or a Gaussian94 .gbs file.")]
    public string? Basis { get; init; }

    /// <summary>Overrides the charge in the xyz comment line.</summary>
    [CommandOption("--charge <Q>")]
    [Description("Molecular charge; overrides the xyz comment line.")]
    public int? Charge { get; init; }

    /// <summary>Forces Cartesian d/f functions whatever the basis file's header says.</summary>
    [CommandOption("--cartesian")]
    [Description("Use Cartesian d and f functions (6d, 10f), overriding the basis file's header.")]
    public bool Cartesian { get; init; }

    /// <summary>Forces real-solid-harmonic d/f functions whatever the basis file's header says.</summary>
    [CommandOption("--spherical")]
    [Description("Use spherical d and f functions (5d, 7f), overriding the basis file's header.")]
    public bool Spherical { get; init; }

    /// <summary>The basis form override: null keeps the file's header.</summary>
    public bool? Pure => Cartesian ? false : Spherical ? true : null;

    /// <summary>The system these options name.</summary>
    /// <exception cref="TdhfInputException">--molecule or --basis is missing.</exception>
    public SystemSpec RequireSystemSpec()
    {
        if (string.IsNullOrWhiteSpace(Molecule)) throw new TdhfInputException("--molecule is required (a shipped name such as lih, or an xyz file)", key: "--molecule");
        if (string.IsNullOrWhiteSpace(Basis)) throw new TdhfInputException("--basis is required (a name such as sto-3g, or a .gbs file)", key: "--basis");
        return new SystemSpec(Molecule, Basis, Charge, Pure);
    }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Cartesian && Spherical) return ValidationResult.Error("--cartesian and --spherical exclude each other");
        return base.Validate();
    }
}
