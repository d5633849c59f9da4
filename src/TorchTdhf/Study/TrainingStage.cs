using System.Diagnostics;
using System.Text.Json;
using TorchTdhf.IO;
using TorchTdhf.Training.Preconditioning;
using TorchTdhf.Training.Runs;

namespace TorchTdhf.Study;

/// <summary>
/// Trains one recipe on one system's dataset. A run is finished work when its folder holds <c>study-run.json</c>
/// with the same recipe and data fingerprint and a <c>summary.json</c> of a completed or converged run; a run with
/// the same key but no such summary (interrupted) resumes from its newest checkpoint; a run of another key is
/// discarded and trained afresh. A diverged run counts as finished (its last good checkpoint is evaluated).
/// </summary>
public static class TrainingStage
{
    /// <summary>The key file of a run folder.</summary>
    public const string KeyFileName = "study-run.json";

    /// <summary>Trains (or recognises) the run of <paramref name="recipe"/>.</summary>
    /// <returns>The stage record and the run's summary.</returns>
    public static (StageRecord Record, TrainingRunResult Result) Run(ModelRecipe recipe, string system, string dataFolder, string runFolder, string device,
        IProgress<StudyProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var key = Key(recipe, dataFolder);
        var keyPath = Path.Combine(runFolder, KeyFileName);
        var summaryPath = Path.Combine(runFolder, TrainingRun.SummaryFileName);
        var sameKey = File.Exists(keyPath) && File.ReadAllText(keyPath) == key;
        if (sameKey && ReadSummary(summaryPath) is { Status: "completed" or "converged" or "diverged" } finished)
            return (new StageRecord(StageNames.Train, system, recipe.FolderName, true, clock.Elapsed.TotalSeconds), finished);
        if (!sameKey && Directory.Exists(runFolder)) Directory.Delete(runFolder, recursive: true);
        Directory.CreateDirectory(runFolder);
        AtomicFile.WriteAllText(keyPath, key);
        var resume = Directory.Exists(Path.Combine(runFolder, "latest")) || Directory.Exists(Path.Combine(runFolder, "previous"));
        var options = recipe.Options(dataFolder, runFolder, resume, device);
        TrainingRunResult result;
        try
        {
            result = TrainingRun.Run(options, new Progress(progress, system, recipe.Label), cancellation);
        }
        catch (TdhfInputException) when (ReadSummary(summaryPath) is { Status: "diverged" } diverged)
        {
            // A diverged optimizer is a result of the study, not a failure of it: its last good checkpoint is evaluated.
            result = diverged;
        }
        cancellation.ThrowIfCancellationRequested();
        return (new StageRecord(StageNames.Train, system, recipe.FolderName, false, clock.Elapsed.TotalSeconds), result);
    }

    /// <summary>The summary of a finished run folder.</summary>
    /// <exception cref="TdhfInputException">The folder has no readable summary.</exception>
    public static TrainingRunResult Summary(string runFolder) =>
        ReadSummary(Path.Combine(runFolder, TrainingRun.SummaryFileName))
        ?? throw new TdhfInputException("the run has no readable summary.json", runFolder);

    // The solver's settings are part of the key, so a run made under other LSMR defaults (tolerances, reorthogonalisation)
    // is trained again rather than reused.
    private static string Key(ModelRecipe recipe, string dataFolder)
    {
        var (data, _) = DatasetFingerprints.Of(new[] { dataFolder }, recipe.Roles);
        var options = recipe.Options(dataFolder, dataFolder, resume: false, device: "cpu");
        // Plain LSMR keeps the key it had before preconditioning existed, so those runs are still recognised.
        object? lsmr = recipe.Solver != SolverKind.Lsmr ? null
            : options.Preconditioner == PreconditionerKind.None
                ? new { options.AbsoluteTolerance, options.RelativeTolerance, options.ConditionLimit, options.ReorthogonalisationMiB }
                : new { options.AbsoluteTolerance, options.RelativeTolerance, options.ConditionLimit, options.ReorthogonalisationMiB, Preconditioner = options.Preconditioner.Name(), options.Ridge };
        return JsonSerializer.Serialize(new { recipe.Model, recipe.Solver, recipe.TrainingSet, recipe.Roles, recipe.Iterations, recipe.LearningRate, lsmr, data },
            StudyJson.Options) + "\n";
    }

    private static TrainingRunResult? ReadSummary(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<TrainingRunResult>(File.ReadAllText(path), StudyJson.Summary);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class Progress(IProgress<StudyProgress>? sink, string system, string item) : IProgress<TrainingRunProgress>
    {
        public void Report(TrainingRunProgress value) =>
            sink?.Report(new StudyProgress(StageNames.Train, system, item, (double)value.Iteration / value.TotalIterations, $"loss {value.Loss:E3}"));
    }
}
