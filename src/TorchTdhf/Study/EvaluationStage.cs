using System.Diagnostics;
using System.Numerics;
using TorchTdhf.Dynamics.Generation;
using TorchTdhf.Evaluation;
using TorchTdhf.IO;
using TorchTdhf.Models;

namespace TorchTdhf.Study;

/// <summary>
/// Evaluates the trained models of one system on its field-free and field-on test trajectories, keeping each model's
/// densities along the field-on test (for the density plots), and runs each model's δ kick (for the spectra). Results
/// are cached in the run folders under a key of the checkpoint digest, the test-data fingerprint and the kick settings.
/// </summary>
public sealed class EvaluationStage : IDisposable
{
    private readonly StudyPreset _study;
    private readonly string _system;
    private readonly TestData _test;
    private readonly IProgress<StudyProgress>? _progress;

    /// <summary>Loads the test data of <paramref name="system"/> from its dataset folder.</summary>
    public EvaluationStage(StudyPreset study, string system, string dataFolder, IProgress<StudyProgress>? progress)
    {
        _study = study;
        _system = system;
        _progress = progress;
        _test = TestData.Load(new[] { dataFolder });
    }

    /// <summary>The test data (system and sets).</summary>
    public TestData Test => _test;

    /// <summary>Evaluates (or recognises) the model in <paramref name="runFolder"/>.</summary>
    public (StageRecord Record, ModelEvaluationFiles Files) Model(ModelRecipe recipe, string runFolder, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var checkpoint = CheckpointModel.Load(runFolder);
        var key = Digests.OfText($"{checkpoint.Digest} {_test.Fingerprint} {KickSettings}");
        if (ModelEvaluationFiles.TryRead(runFolder, key) is { } cached)
            return (new StageRecord(StageNames.Evaluate, _system, recipe.FolderName, true, clock.Elapsed.TotalSeconds), cached);
        _progress?.Report(new StudyProgress(StageNames.Evaluate, _system, recipe.Label, null, "metrics and propagation"));
        var fieldOn = FieldOnTrajectory().Metadata.Id;
        var options = new EvaluationOptions { KeepDensitiesOf = new[] { fieldOn } };
        var report = CheckpointEvaluation.Evaluate(checkpoint, _test, options, cancellation: cancellation);
        var densities = report.Metrics.TestSets.SelectMany(s => s.Propagation).First(p => p.TrajectoryId == fieldOn).ModelDensities!;
        var files = new ModelEvaluationFiles(report, densities, Kick(checkpoint.Model, cancellation));
        files.Write(runFolder, key, _test.System.OrbitalCount);
        return (new StageRecord(StageNames.Evaluate, _system, recipe.FolderName, false, clock.Elapsed.TotalSeconds), files);
    }

    /// <summary>The true potential's kick response, cached in <paramref name="truthFolder"/>.</summary>
    public (StageRecord Record, KickResponse Kick) Truth(string truthFolder, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var path = Path.Combine(truthFolder, "kick.npz");
        var keyPath = Path.Combine(truthFolder, "kick.key");
        var key = Digests.OfText($"{_test.System.Fingerprint} {KickSettings}");
        if (File.Exists(path) && File.Exists(keyPath) && File.ReadAllText(keyPath) == key)
        {
            using var npz = NpzReader.Open(path);
            return (new StageRecord(StageNames.Evaluate, _system, "truth kick", true, clock.Elapsed.TotalSeconds), KickArrays.Read(npz));
        }
        using var truth = new TruePotential(_test.System.Eri);
        var kick = Kick(truth, cancellation);
        Directory.CreateDirectory(truthFolder);
        Npz.Write(path, KickArrays.Of(kick));
        AtomicFile.WriteAllText(keyPath, key);
        return (new StageRecord(StageNames.Evaluate, _system, "truth kick", false, clock.Elapsed.TotalSeconds), kick);
    }

    /// <summary>The ground truth's field-on densities: [T·N·N] complex128 (row-major [T, N, N]), with their times.</summary>
    public (double[] Times, Complex[] Densities) TrueFieldOn()
    {
        var trajectory = FieldOnTrajectory();
        using var flat = trajectory.Densities.flatten();
        return (trajectory.Times.data<double>().ToArray(), flat.data<Complex>().ToArray());
    }

    private string KickSettings => $"kick {KickResponse.Strength} z dt {_study.KickDt} steps {_study.KickSteps} stride {_study.KickStride}";

    private Datasets.Trajectory FieldOnTrajectory() =>
        _test.Set(ProtocolPreset.FieldOnTestRole)?.Dataset.Trajectories.FirstOrDefault()
        ?? throw new TdhfInputException($"the dataset has no completed '{ProtocolPreset.FieldOnTestRole}' trajectory", key: "role");

    private KickResponse Kick(ITwoElectronPotential potential, CancellationToken cancellation) =>
        KickResponse.Run(_test.System, potential, _study.KickDt, _study.KickSteps, _study.KickStride, cancellation);

    /// <inheritdoc />
    public void Dispose() => _test.Dispose();
}
