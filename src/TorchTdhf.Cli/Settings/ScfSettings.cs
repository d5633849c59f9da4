using System.ComponentModel;
using Spectre.Console.Cli;
using TorchTdhf.Chemistry;

namespace TorchTdhf.Cli.Settings;

/// <summary>Options of the RHF ground state, shared by commands that run SCF.</summary>
public class ScfSettings : MoleculeSettings
{
    /// <summary>See <see cref="RhfOptions.MaxIterations"/>.</summary>
    [CommandOption("--max-iterations <N>")]
    [Description("Most SCF iterations before giving up (default 100).")]
    public int? MaxIterations { get; init; }

    /// <summary>See <see cref="RhfOptions.EnergyThreshold"/>.</summary>
    [CommandOption("--energy-threshold <E>")]
    [Description("Converged when the energy changes by less than this, hartree (default 1e-12).")]
    public double? EnergyThreshold { get; init; }

    /// <summary>See <see cref="RhfOptions.DensityThreshold"/>.</summary>
    [CommandOption("--density-threshold <D>")]
    [Description("... and the RMS density change is below this (default 1e-10).")]
    public double? DensityThreshold { get; init; }

    /// <summary>See <see cref="RhfOptions.DiisSize"/>.</summary>
    [CommandOption("--diis-size <N>")]
    [Description("Fock matrices kept for DIIS extrapolation (default 8; 0 turns DIIS off).")]
    public int? DiisSize { get; init; }

    /// <summary>See <see cref="OrthonormalBasisOptions.Threshold"/>.</summary>
    [CommandOption("--lindep-threshold <S>")]
    [Description("Overlap eigenvalues below this are dropped as linearly dependent (default 1e-7).")]
    public double? LinearDependenceThreshold { get; init; }

    /// <summary>The RHF options these settings give; unset ones keep the library defaults.</summary>
    public RhfOptions ToRhfOptions()
    {
        var defaults = new RhfOptions();
        return defaults with
        {
            MaxIterations = MaxIterations ?? defaults.MaxIterations,
            EnergyThreshold = EnergyThreshold ?? defaults.EnergyThreshold,
            DensityThreshold = DensityThreshold ?? defaults.DensityThreshold,
            DiisSize = DiisSize ?? defaults.DiisSize,
            Orthonormalization = defaults.Orthonormalization with
            {
                Threshold = LinearDependenceThreshold ?? defaults.Orthonormalization.Threshold,
            },
        };
    }
}
