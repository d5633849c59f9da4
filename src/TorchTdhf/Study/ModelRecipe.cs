using TorchTdhf.Models;
using TorchTdhf.Training.Preconditioning;
using TorchTdhf.Training.Runs;

namespace TorchTdhf.Study;

/// <summary>One learned model of the study: a parameterisation trained by one solver on one choice of training data.</summary>
/// <param name="Model">Tied, Herm or Symm.</param>
/// <param name="Solver">LSMR (the paper's), Adam or rollout.</param>
/// <param name="TrainingSet">Short name of the data: <c>traj</c> (the field-free training trajectory) or <c>traj+ens</c>.</param>
/// <param name="Roles">Trajectory roles trained on.</param>
/// <param name="Iterations">Iteration cap.</param>
/// <param name="LearningRate">Optimizer step size (ignored by LSMR).</param>
public sealed record ModelRecipe(ModelKind Model, SolverKind Solver, string TrainingSet, IReadOnlyList<string> Roles, int Iterations, double LearningRate)
{
    /// <summary>LSMR's preconditioner (<see cref="PreconditionerKind.Normal"/>: the ridge problem of
    /// <see cref="PreconditionedRidge"/> with the default ridge).</summary>
    public PreconditionerKind Preconditioner { get; init; }

    /// <summary>Label in tables and legends, e.g. <c>Symm traj+ens</c> or <c>Symm traj+ens (adam)</c>.</summary>
    public string Label => $"{Capitalised(Model.Name())} {TrainingSet}" + (Solver == SolverKind.Lsmr ? "" : $" ({Solver.Name()})");

    /// <summary>Folder name of the run, e.g. <c>symm-traj+ens-lsmr</c>.</summary>
    public string FolderName => $"{Model.Name()}-{TrainingSet}-{Solver.Name()}";

    /// <summary>The training options of this recipe on <paramref name="dataFolder"/>, run in <paramref name="runFolder"/>.</summary>
    public TrainingRunOptions Options(string dataFolder, string runFolder, bool resume, string device) => new()
    {
        DataFolders = new[] { Path.GetFullPath(dataFolder) },
        Roles = Roles,
        Model = Model,
        Solver = Solver,
        Preconditioner = Preconditioner,
        RunFolder = Path.GetFullPath(runFolder),
        Resume = resume,
        Iterations = Iterations,
        CheckpointEvery = Math.Max(1, Iterations / 4),
        LearningRate = LearningRate,
        BatchSize = 64,
        RolloutSteps = 4,
        Device = device,
    };

    private static string Capitalised(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
