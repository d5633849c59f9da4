using TorchTdhf.Dynamics.Generation;
using TorchTdhf.Models;
using TorchTdhf.Training.Preconditioning;
using TorchTdhf.Training.Runs;

namespace TorchTdhf.Study;

/// <summary>
/// The models trained per system: each of Tied, Herm and Symm by LSMR on the training trajectory alone and on the
/// trajectory plus the ensemble (the paper's comparison); on the preset's comparison systems also Symm by Adam
/// (derivative matching, same data as the best LSMR fit) and Symm by rollout matching on the trajectory.
/// </summary>
/// <remarks>
/// LSMR on the trajectory alone is ill-conditioned far beyond 10⁸ and, plain, stays orders of magnitude above the
/// data's floor after thousands of iterations; in bases up to <see cref="PreconditionedBasisLimit"/> it solves the
/// preconditioned ridge problem instead (<see cref="PreconditionedRidge"/>), which reaches the floor in tens. The
/// ensemble fits converge plainly in a few hundred iterations, and their ten times more samples would make the normal
/// matrix ten times dearer, so they stay plain.
/// </remarks>
public static class StudyRecipes
{
    /// <summary>The field-free training trajectory alone.</summary>
    public const string Trajectory = "traj";

    /// <summary>The trajectory and the random ensemble.</summary>
    public const string TrajectoryAndEnsemble = "traj+ens";

    /// <summary>The largest basis whose single-trajectory LSMR fits are preconditioned: at N = 14 (C₂H₄/STO-3G) the
    /// kernel-space normal matrix takes 3 GB and a fit peaks near 10 GB of memory; N = 16 would need about 17 GB.</summary>
    public const int PreconditionedBasisLimit = 14;

    /// <summary>The recipes of one system.</summary>
    /// <param name="preset">Iteration budgets.</param>
    /// <param name="withComparisons">Add the Adam and rollout models.</param>
    /// <param name="basisSize">The system's N, which decides whether single-trajectory fits are preconditioned.</param>
    public static IReadOnlyList<ModelRecipe> For(StudyPreset preset, bool withComparisons, int basisSize)
    {
        var preconditioner = basisSize <= PreconditionedBasisLimit ? PreconditionerKind.Normal : PreconditionerKind.None;
        var alone = new[] { ProtocolPreset.TrainRole };
        var both = new[] { ProtocolPreset.TrainRole, ProtocolPreset.EnsembleRole };
        var recipes = new List<ModelRecipe>();
        foreach (var kind in new[] { ModelKind.Tied, ModelKind.Herm, ModelKind.Symm })
        {
            recipes.Add(new ModelRecipe(kind, SolverKind.Lsmr, Trajectory, alone, preset.LsmrIterations, 0) { Preconditioner = preconditioner });
            recipes.Add(new ModelRecipe(kind, SolverKind.Lsmr, TrajectoryAndEnsemble, both, preset.LsmrIterations, 0));
        }
        if (!withComparisons) return recipes;
        recipes.Add(new ModelRecipe(ModelKind.Symm, SolverKind.Adam, TrajectoryAndEnsemble, both, preset.AdamIterations, 1e-2));
        recipes.Add(new ModelRecipe(ModelKind.Symm, SolverKind.Rollout, Trajectory, alone, preset.RolloutIterations, 1e-2));
        return recipes;
    }
}
