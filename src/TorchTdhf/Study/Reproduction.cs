using System.Diagnostics;
using System.Text.Json;
using TorchTdhf.Datasets;
using TorchTdhf.IO;
using TorchTdhf.Reporting;

namespace TorchTdhf.Study;

/// <summary>
/// <c>tdhf reproduce</c>: for each system of a preset, generate → train every recipe → evaluate → report. Each stage
/// reuses finished work recognised by its fingerprints, so an interrupted or repeated run continues where it stopped;
/// a missing or partial report folder is recovered by redoing exactly the missing pieces.
/// </summary>
public static class Reproduction
{
    /// <summary>Runs the study.</summary>
    /// <exception cref="TdhfInputException">Bad input, or a stage failed on its data (the message names the file).</exception>
    public static ReproduceOutcome Run(ReproduceOptions options, IProgress<StudyProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        Training.Runs.TrainingDevice.Require(options.Device);
        var layout = new StudyLayout(Path.GetFullPath(options.OutFolder));
        Directory.CreateDirectory(layout.Root);
        var stages = new List<StageRecord>();
        var systems = new List<SystemResults>();
        var plotData = new List<SystemPlotData>();
        var study = options.Preset;
        for (var index = 0; index < study.Systems.Count; index++)
        {
            var system = study.Systems[index];
            var dataFolder = layout.Data(system);
            stages.Add(Report(progress, GenerationStage.Run(study, system, dataFolder, progress, cancellation)));

            var basisSize = DatasetFolder.Open(dataFolder).Manifest.Trajectories[0].BasisSize;
            var recipes = StudyRecipes.For(study, study.HasComparisons(index), basisSize);
            var trained = recipes.Select(recipe =>
            {
                var (record, result) = TrainingStage.Run(recipe, system, dataFolder, layout.Run(system, recipe), options.Device, progress, cancellation);
                stages.Add(Report(progress, record));
                return result;
            }).ToList();

            using var evaluation = new EvaluationStage(study, system, dataFolder, progress);
            var (truthRecord, trueKick) = evaluation.Truth(layout.Truth(system), cancellation);
            stages.Add(Report(progress, truthRecord));
            var models = new List<ModelResults>();
            var files = new List<ModelEvaluationFiles>();
            foreach (var (recipe, training) in recipes.Zip(trained))
            {
                var (record, evaluated) = evaluation.Model(recipe, layout.Run(system, recipe), cancellation);
                stages.Add(Report(progress, record));
                models.Add(new ModelResults(recipe.Label, recipe, layout.Run(system, recipe), training, evaluated.Report));
                files.Add(evaluated);
            }
            var test = evaluation.Test.System;
            var result = new SystemResults(system, test.Fingerprint, test.OrbitalCount, test.ElectronCount, dataFolder, models);
            systems.Add(result);
            var (times, densities) = evaluation.TrueFieldOn();
            plotData.Add(new SystemPlotData(result, times, densities, trueKick, files));
        }

        var reportClock = Stopwatch.StartNew();
        progress?.Report(new StudyProgress(StageNames.Report, null, "tables and plots", null, layout.Root));
        var plots = plotData.SelectMany(d => StudyPlots.Write(layout, d)).ToList();
        var partial = Results(study, systems, stages, clock.Elapsed.TotalSeconds);
        var title = $"TorchTdhf reproduction, preset {study.Name}";
        var tables = StudyTables.Build(partial);
        TableReport.Write(layout.Root, title, tables);
        var markdown = TableReport.Markdown(title, tables);
        stages.Add(Report(progress, new StageRecord(StageNames.Report, null, "results.json, tables, plots", false, reportClock.Elapsed.TotalSeconds)));
        var results = Results(study, systems, stages, clock.Elapsed.TotalSeconds);
        AtomicFile.WriteAllText(layout.Results, JsonSerializer.Serialize(results, StudyJson.Options) + "\n");
        return new ReproduceOutcome(layout.Root, results, markdown, plots);
    }

    private static StageRecord Report(IProgress<StudyProgress>? progress, StageRecord record)
    {
        progress?.Report(new StudyProgress(record.Stage, record.System, record.Item, 1, record.Skipped ? "reused" : $"{record.Seconds:F1} s"));
        return record;
    }

    private static StudyResults Results(StudyPreset study, IReadOnlyList<SystemResults> systems, IReadOnlyList<StageRecord> stages, double seconds)
    {
        var perStage = new[] { StageNames.Generate, StageNames.Train, StageNames.Evaluate, StageNames.Report }
            .ToDictionary(s => s, s => stages.Where(r => r.Stage == s).Sum(r => r.Seconds));
        var versions = new Dictionary<string, string>
        {
            ["torchtdhf"] = TrajectoryMetadata.CurrentProgramVersion,
            ["dotnet"] = Environment.Version.ToString(),
            ["torchsharp"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        };
        return new StudyResults("torchtdhf-study", 1, study, versions, DateTimeOffset.UtcNow, systems, stages, perStage, seconds);
    }
}
