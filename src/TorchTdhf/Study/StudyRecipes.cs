using TorchTdhf.Dynamics.Generation;
using TorchTdhf.Models;
using TorchTdhf.Training.Runs;

namespace TorchTdhf.Study;

/// <summary>
/// The models trained per system: each of Tied, Herm and Symm by LSMR on the training trajectory alone and on the
/// trajectory plus the ensemble (the paper's comparison); on the preset's comparison systems also Symm by Adam
/// (derivative matching, same data as the best LSMR fit) and Symm by rollout matching on the trajectory.
/// </summary>
public static class StudyRecipes
{
    /// <summary>The field-free training trajectory alone.</summary>
    public const string Trajectory = "traj";

    /// <summary>The trajectory and the random ensemble.</summary>
    public const string TrajectoryAndEnsemble = "traj+ens";

    /// <summary>The recipes of one system.</summary>
    /// <param name="preset">Iteration budgets.</param>
    /// <param name="withComparisons">Add the Adam and rollout models.</param>
    public static IReadOnlyList<ModelRecipe> For(StudyPreset preset, bool withComparisons)
    {
        var alone = new[] { ProtocolPreset.TrainRole };
        var both = new[] { ProtocolPreset.TrainRole, ProtocolPreset.EnsembleRole };
        var recipes = new List<ModelRecipe>();
        foreach (var kind in new[] { ModelKind.Tied, ModelKind.Herm, ModelKind.Symm })
        {
            recipes.Add(new ModelRecipe(kind, SolverKind.Lsmr, Trajectory, alone, preset.LsmrIterations, 0));
            recipes.Add(new ModelRecipe(kind, SolverKind.Lsmr, TrajectoryAndEnsemble, both, preset.LsmrIterations, 0));
        }
        if (!withComparisons) return recipes;
        recipes.Add(new ModelRecipe(ModelKind.Symm, SolverKind.Adam, TrajectoryAndEnsemble, both, preset.AdamIterations, 1e-2));
        recipes.Add(new ModelRecipe(ModelKind.Symm, SolverKind.Rollout, Trajectory, alone, preset.RolloutIterations, 1e-2));
        return recipes;
    }
}
