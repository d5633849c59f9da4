using TorchTdhf.Datasets;
using TorchTdhf.Models;
using TorchTdhf.Training.Autograd;
using TorchTdhf.Training.Preconditioning;

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
                return new LsmrSolver(model, problem, options.LsmrOptions(), Preconditioner(options, model, inputs, problem));
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

    // The preconditioned ridge problem when asked for (null otherwise); the kernel Gram matrix is dropped once factorised.
    private PreconditionedRidge? Preconditioner(TrainingRunOptions options, ILearnablePotential model, TrainingInputs inputs, DerivativeResidual problem)
    {
        if (options.Preconditioner == PreconditionerKind.None) return null;
        if (model is not IPackedDensityPotential packed)
            throw new TdhfInputException($"the {model.Kind.Name()} model has no packed kernels to precondition", key: "preconditioner");
        PreconditionedRidge.RequireMemory(model.BasisSize, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        using var gram = KernelGram.Compute(packed, inputs.Samples, problem.Coordinates);
        return Own(PreconditionedRidge.Build(problem, packed, gram, options.Ridge));
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
