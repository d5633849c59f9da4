using TorchTdhf.Datasets;
using TorchTdhf.Models;
using TorchTdhf.Training.Autograd;

namespace TorchTdhf.Training.Runs;

/// <summary>Builds the <see cref="ITrainingSolver"/> that the options name, with what it works on.</summary>
internal sealed class SolverFactory : IDisposable
{
    private readonly List<IDisposable> _owned = new();

    /// <summary>The solver for <paramref name="model"/> on <paramref name="inputs"/> (the factory owns its helpers until disposed).</summary>
    public ITrainingSolver Create(TrainingRunOptions options, ILearnablePotential model, TrainingInputs inputs, DerivativeResidual problem)
    {
        switch (options.Solver)
        {
            case SolverKind.Lsmr:
                return new LsmrSolver(model, problem, options.LsmrOptions());
            case SolverKind.Exact:
                return new ExactSolver(model, problem);
            case SolverKind.Rollout:
                var dataset = Own(inputs.LoadTrajectories());
                var windows = Own(RolloutWindows.FromDataset(dataset, inputs.System, options.RolloutSteps));
                return new AutogradSolver(model, new RolloutObjective(model, inputs.System, windows, substeps: 1), options.AutogradOptions()!);
            default:
                return new AutogradSolver(model, new DerivativeMatchingObjective(model, inputs.Samples), options.AutogradOptions()!);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var item in _owned) item.Dispose();
    }

    private T Own<T>(T item) where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }
}
