using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics.Generation;

/// <summary>Turns an <see cref="InitialConditionSpec"/> into densities of a <see cref="MolecularSystem"/>.</summary>
public static class InitialDensities
{
    /// <summary>
    /// The densities <paramref name="spec"/> describes: one for ground and kick specs, the whole ensemble (or the one
    /// member it names) for random and file specs.
    /// </summary>
    /// <param name="system">The system: its ground state, dipole matrices and electron count.</param>
    /// <param name="spec">How to make the densities.</param>
    /// <returns>[B, M, M] complex128, orthonormal basis, Tr P = N_e.</returns>
    public static Tensor Build(MolecularSystem system, InitialConditionSpec spec)
    {
        using var scope = torch.NewDisposeScope();
        var result = spec switch
        {
            GroundStateSpec => system.GroundStateDensity.unsqueeze(0).clone(),
            KickSpec kick => Kick(system, Build(system, kick.Base ?? new GroundStateSpec()), kick),
            RandomEnsembleSpec random => Member(RandomIdempotentEnsemble.Generate(Single(Build(system, random.Base), "random ensemble base"),
                system.ElectronCount, random), random.Member),
            FileDensitySpec file => Member(Batched(DensityFile.Load(ShippedData.Resolve(file.Path), new DensityImportOptions
            {
                ElectronCount = system.ElectronCount,
                BasisSize = system.OrbitalCount,
                Key = file.Key,
                Convention = file.Convention,
                CheckTrace = file.TraceChecked,
            })), file.Member),
            _ => throw new TdhfInputException($"unknown initial condition '{spec.Kind}'", key: "initial"),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>P → U P U† for a delta kick along the spec's polarisation (see <see cref="DeltaKick"/>).</summary>
    private static Tensor Kick(MolecularSystem system, Tensor densities, KickSpec kick)
    {
        var direction = new CartesianVector(kick.Polarisation[0], kick.Polarisation[1], kick.Polarisation[2]).Normalized("polarisation");
        using var potential = new TruePotential(system.Eri);
        using var equation = new TdhfEquation(system, potential, new DeltaKick(kick.Strength, direction));
        return equation.ApplyInitialKicks(densities);
    }

    private static Tensor Single(Tensor densities, string what) => densities.shape[0] == 1
        ? densities[0]
        : throw new TdhfInputException($"the {what} must be a single density, got {densities.shape[0]}", key: "initial");

    private static Tensor Batched(Tensor densities) => densities.dim() == 2 ? densities.unsqueeze(0) : densities;

    private static Tensor Member(Tensor densities, int? member)
    {
        if (member is not int index) return densities;
        if (index < 0 || index >= densities.shape[0])
            throw new TdhfInputException($"member {index} does not exist; there are {densities.shape[0]}", key: "member");
        return densities[index].unsqueeze(0);
    }
}
