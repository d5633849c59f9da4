using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TorchTdhf.Cli.Settings;

/// <summary>Options of <c>tdhf generate</c>.</summary>
public sealed class GenerateSettings : MoleculeSettings
{
    /// <summary>A preset of the paper's study.</summary>
    [CommandOption("-p|--preset <NAME>")]
    [Description("A system of the paper with its protocol (training, 100-member ensemble, field-free and field-on tests): heh+_6-31g, heh+_6-311g, lih_6-31g, c2h4_sto-3g, lih_6-311ppgss, c2h4_6-31pgs, c6h10n2o2_sto-3g, or paper_<system> for the paper's own integrals; 'small' runs the first four.")]
    public string? Preset { get; init; }

    /// <summary>Shrinks a preset's step counts.</summary>
    [CommandOption("--scale <S>")]
    [Description("Multiply a preset's step counts by S in (0, 1]] for CPU work (default 1).")]
    public double Scale { get; init; } = 1;

    /// <summary>Import the system from an npz instead of computing it.</summary>
    [CommandOption("--system <FILE>")]
    [Description("Build the system from an npz of AO integrals (as written by 'tdhf system' or the paper's data) instead of --molecule/--basis.")]
    public string? SystemFile { get; init; }

    /// <summary>The imported npz and density files use the paper's conventions.</summary>
    [CommandOption("--paper-convention")]
    [Description("Imported densities have trace N/2 and the paper's conjugated time convention.")]
    public bool PaperConvention { get; init; }

    /// <summary>The field.</summary>
    [CommandOption("--field <SPEC>")]
    [Description("none (default), paper (0.05 sin(0.0428 t) for one period along z), sin:amp=…,omega=…,cycles=…,dir=…, or kick:strength=…,dir=…")]
    public string Field { get; init; } = "none";

    /// <summary>The initial condition.</summary>
    [CommandOption("--initial <SPEC>")]
    [Description("ground (default), kick:strength=…,dir=…, or file:PATH[[#KEY]] (npy, or an npz key such as p0_orthonormal).")]
    public string Initial { get; init; } = "ground";

    /// <summary>Number of random idempotent initial conditions around the initial condition.</summary>
    [CommandOption("--ensemble <N>")]
    [Description("Propagate N random idempotent densities around --initial (correct electron count) instead of --initial itself.")]
    public int? Ensemble { get; init; }

    /// <summary>Noise factor of the ensemble.</summary>
    [CommandOption("--factor <F>")]
    [Description("Noise amplitude of the ensemble relative to mean |P0| (default 10, as in the paper).")]
    public double Factor { get; init; } = 10;

    /// <summary>Seed of the ensemble.</summary>
    [CommandOption("--seed <S>")]
    [Description("Seed of the ensemble's noise (default 2024).")]
    public long Seed { get; init; } = 2024;

    /// <summary>Fine time step.</summary>
    [CommandOption("--dt <DT>")]
    [Description("Time step, atomic units (default 0.0008268).")]
    public double Dt { get; init; } = 0.0008268;

    /// <summary>Fine steps.</summary>
    [CommandOption("--steps <N>")]
    [Description("Number of time steps (default 20000).")]
    public long Steps { get; init; } = 20_000;

    /// <summary>Sampling stride.</summary>
    [CommandOption("--stride <K>")]
    [Description("Store every K-th step; must divide --steps (default 10).")]
    public int Stride { get; init; } = 10;

    /// <summary>Propagator.</summary>
    [CommandOption("--integrator <NAME>")]
    [Description("magnus4 (unitary fourth order, default), rk4, or expmid.")]
    public string Integrator { get; init; } = "magnus4";

    /// <summary>Role recorded for the trajectories.</summary>
    [CommandOption("--role <ROLE>")]
    [Description("Role recorded in the manifest (default train, or ensemble with --ensemble).")]
    public string? Role { get; init; }

    /// <summary>Systems generated side by side.</summary>
    [CommandOption("--parallel <N>")]
    [Description("Generate up to N systems of a preset group side by side (default: one per core).")]
    public int? Parallel { get; init; }

    /// <summary>Output dataset folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Dataset folder to write (created; finished trajectories in it are kept and skipped).")]
    public string? Out { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required (the dataset folder)");
        if (Ensemble is <= 0) return ValidationResult.Error("--ensemble must be positive");
        if (Parallel is <= 0) return ValidationResult.Error("--parallel must be positive");
        return base.Validate();
    }
}
