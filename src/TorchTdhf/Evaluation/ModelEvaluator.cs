using System.Runtime.ExceptionServices;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics.Compact;
using TorchTdhf.Models;
using TorchTdhf.Training;

namespace TorchTdhf.Evaluation;

/// <summary>
/// Evaluates a two-electron potential G_θ of one molecular system against ground truth: the derivative-matching
/// residual and the potential error on held-out trajectories, the propagation error and invariant drift of the
/// model's own dynamics, and (for learnable models) the parameter error. See <see cref="ModelMetrics"/>.
/// </summary>
/// <remarks>The true potential G_true is built from the system's integrals (<see cref="TruePotential"/>).</remarks>
public sealed class ModelEvaluator : IDisposable
{
    private readonly MolecularSystem _system;
    private readonly TruePotential _truth;
    private readonly EvaluationOptions _options;

    /// <summary>An evaluator for models of <paramref name="system"/> (not owned).</summary>
    /// <param name="system">Supplies H_core, r, N_e and the ERIs of G_true (orthonormal basis).</param>
    /// <param name="options">Chunking and whether to propagate; defaults when null.</param>
    /// <exception cref="TdhfInputException">The options are invalid.</exception>
    public ModelEvaluator(MolecularSystem system, EvaluationOptions? options = null)
    {
        _options = options ?? new EvaluationOptions();
        _options.Validate();
        _system = system;
        _truth = new TruePotential(system.Eri);
    }

    /// <summary>Measures <paramref name="model"/> on every held-out set.</summary>
    /// <param name="model">G_θ in the system's orthonormal basis; not modified.</param>
    /// <param name="testSets">Held-out trajectories of the system (e.g. field-free and field-on).</param>
    /// <param name="trainingLoss">The trainer's final loss, passed through to the metrics.</param>
    /// <param name="trueParameters">
    /// The true potential in the model's own parameterisation; with a learnable <paramref name="model"/> it gives
    /// <see cref="ModelMetrics.ParameterError"/>.
    /// </param>
    /// <param name="cancellation">Checked between propagation steps.</param>
    /// <exception cref="TdhfInputException">A set belongs to another system or holds non-finite data, or its metadata are bad.</exception>
    /// <exception cref="ArgumentException">The model acts on another basis size, or the parameterisations differ.</exception>
    public ModelMetrics Evaluate(ITwoElectronPotential model, IReadOnlyList<EvaluationSet> testSets, double? trainingLoss = null,
        ILearnablePotential? trueParameters = null, CancellationToken cancellation = default)
    {
        if (model.BasisSize != _system.OrbitalCount)
            throw new ArgumentException($"the model acts on {model.BasisSize} orbitals, the system has {_system.OrbitalCount}", nameof(model));
        var learnable = model as ILearnablePotential;
        // The sample metrics first: they also check that every set belongs to the system.
        var sets = testSets.Select(set => EvaluateSet(model, set)).ToList();
        if (_options.Propagate)
        {
            var propagations = Propagate(model, testSets, cancellation);
            sets = sets.Zip(testSets, (metrics, set) => metrics with { Propagation = set.Dataset.Trajectories.Select(t => propagations[t]).ToList() }).ToList();
        }
        return new ModelMetrics
        {
            ModelKind = learnable?.Kind.Name(),
            TrainingLoss = trainingLoss,
            ParameterError = learnable is not null && trueParameters is not null ? ParameterError.Compute(learnable, trueParameters) : null,
            TestSets = sets,
        };
    }

    private TestSetMetrics EvaluateSet(ITwoElectronPotential model, EvaluationSet set)
    {
        using var samples = TrainingSet.FromDataset(set.Dataset, _system);
        return new TestSetMetrics
        {
            Name = set.Name,
            TrajectoryCount = set.Dataset.Trajectories.Count,
            Commutator = CommutatorError.Compute(model, samples, _options.ChunkSize),
            PotentialErrorMaxAbs = PotentialError.MaxAbs(model, _truth, samples.Densities, _options.ChunkSize),
            Propagation = new List<PropagationMetrics>(),
        };
    }

    // Every trajectory of every set. Small bases propagate on one thread each (plain arrays, or libtorch operations too
    // small to be split), so the independent runs go side by side; larger ones already keep libtorch's threads busy.
    private Dictionary<Trajectory, PropagationMetrics> Propagate(ITwoElectronPotential model, IReadOnlyList<EvaluationSet> testSets, CancellationToken cancellation)
    {
        var trajectories = testSets.SelectMany(set => set.Dataset.Trajectories).ToList();
        var results = new PropagationMetrics[trajectories.Count];
        var threads = _system.OrbitalCount <= CompactMuntheKaas4.MaxBasisSize ? _options.Parallelism : 1;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellation };
        try
        {
            Parallel.For(0, trajectories.Count, parallel, i => results[i] = PropagationComparison.Run(_system, model, trajectories[i], cancellation,
                _options.KeepDensitiesOf.Contains(trajectories[i].Metadata.Id)));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Callers handle the exceptions of one propagation (input errors, cancellation), not the wrapper.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return trajectories.Zip(results).ToDictionary(p => p.First, p => p.Second);
    }

    /// <inheritdoc />
    public void Dispose() => _truth.Dispose();
}
