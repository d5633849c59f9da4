using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;
using TorchTdhf.Dynamics.Generation;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.Evaluation;
using TorchTdhf.Models;

namespace TorchTdhf.Tests.Evaluation;

/// <summary>
/// Short HeH+/6-31G ground-truth trajectories generated into a temporary folder the way <c>tdhf generate</c> does:
/// a kicked field-free run, a run from the ground state in the paper's pulse, and one driven by a δ-kick field.
/// </summary>
internal sealed class GroundTruthData : IDisposable
{
    public const string FieldFree = "test-field-free";
    public const string FieldOn = "test-field-on";
    public const string Kick = "test-kick";

    private readonly TempFolder _folder = new();

    public GroundTruthData(string integrator, double dt = 0.05, int steps = 120, int stride = 4)
    {
        System = new MolecularSystemBuilder().Build(new SystemSpec("heh+", "6-31g"));
        Truth = new TruePotential(System.Eri);
        var z = new[] { 0.0, 0.0, 1.0 };
        var batch = new TrajectoryBatch("test", new[]
        {
            new BatchMember("free", FieldFree, new KickSpec(0.1, z), new NoField()),
            new BatchMember("driven", FieldOn, new GroundStateSpec(), SinusoidalField.Paper()),
            new BatchMember("kicked", Kick, new GroundStateSpec(), new DeltaKick(0.05, CartesianVector.UnitZ)),
        }, dt, steps, stride, integrator);
        new TrajectoryGenerator(System, Truth).Run(DatasetFolder.Create(_folder.Path), batch);
    }

    public MolecularSystem System { get; }

    public TruePotential Truth { get; }

    public string Folder => _folder.Path;

    /// <summary>The trajectories of one role (the caller disposes the dataset).</summary>
    public Dataset Load(string role) => Dataset.Load(_folder.Path, role);

    /// <summary>Evaluates <paramref name="model"/> on the three roles.</summary>
    public ModelMetrics Evaluate(ITwoElectronPotential model, EvaluationOptions? options = null)
    {
        var roles = new[] { FieldFree, FieldOn, Kick };
        var datasets = roles.Select(Load).ToList();
        try
        {
            using var evaluator = new ModelEvaluator(System, options);
            return evaluator.Evaluate(model, roles.Zip(datasets, (r, d) => new EvaluationSet(r, d)).ToList(), trainingLoss: 1.5);
        }
        finally
        {
            foreach (var dataset in datasets) dataset.Dispose();
        }
    }

    public void Dispose()
    {
        Truth.Dispose();
        System.Dispose();
        _folder.Dispose();
    }
}
