using System.Diagnostics;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics.Generation;
using TorchTdhf.Models;

namespace TorchTdhf.Study;

/// <summary>
/// Ground truth of one system: the protocol's trajectories streamed into the system's dataset folder. Trajectories
/// already complete there with the same spec hash are skipped (the generator's own resume).
/// </summary>
public static class GenerationStage
{
    /// <summary>The system preset with the study's scale and ensemble size.</summary>
    public static ProtocolPreset Protocol(StudyPreset study, string system)
    {
        var preset = PresetCatalog.Get(system, study.Scale);
        return study.EnsembleSize is int size ? preset with { Protocol = preset.Protocol with { EnsembleSize = size } } : preset;
    }

    /// <summary>Generates what is missing of <paramref name="system"/>'s dataset in <paramref name="folder"/>.</summary>
    /// <returns>The stage record (skipped when nothing was pending).</returns>
    public static StageRecord Run(StudyPreset study, string system, string folder, IProgress<StudyProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var preset = Protocol(study, system);
        using var molecule = preset.System.Build();
        using var potential = new TruePotential(molecule.Eri);
        var generator = new TrajectoryGenerator(molecule, potential);
        var dataset = DatasetFolder.OpenOrCreate(folder);
        var batches = preset.Batches();
        var pending = batches.Sum(b => generator.Pending(dataset, b).Count);
        foreach (var batch in batches)
        {
            var label = $"{batch.Name} ({batch.Members.Count} × {batch.Steps} steps)";
            generator.Run(dataset, batch, new Progress(progress, system, label, batch.Steps), cancellation);
        }
        return new StageRecord(StageNames.Generate, system, $"{pending} of {batches.Sum(b => b.Members.Count)} trajectories", pending == 0, clock.Elapsed.TotalSeconds);
    }

    // Synchronous, so that the lines arrive in order.
    private sealed class Progress(IProgress<StudyProgress>? sink, string system, string item, long steps) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) =>
            sink?.Report(new StudyProgress(StageNames.Generate, system, item, (double)value.Step / steps, $"{value.TrajectoryStepsPerSecond:N0} traj-steps/s"));
    }
}
