using TorchTdhf.Training.Runs;

namespace TorchTdhf.Study;

/// <summary>
/// <c>results.json</c>: one object with everything a reproduction measured. Atomic units; camelCase keys; ±∞ and
/// NaN as strings. Schema in <c>src/TorchTdhf/Study/README.md</c>.
/// </summary>
/// <param name="Format">Always <c>torchtdhf-study</c>.</param>
/// <param name="FormatVersion">1.</param>
/// <param name="Preset">The study preset (systems, scale, iteration budgets).</param>
/// <param name="Versions">Program, .NET and TorchSharp versions.</param>
/// <param name="CreatedAt">When the report was written (UTC).</param>
/// <param name="Systems">One entry per system.</param>
/// <param name="Stages">Every unit of work with its seconds and whether it was reused.</param>
/// <param name="StageSeconds">Seconds per stage name.</param>
/// <param name="TotalSeconds">Wall time of the whole reproduction.</param>
public sealed record StudyResults(string Format, int FormatVersion, StudyPreset Preset, IReadOnlyDictionary<string, string> Versions, DateTimeOffset CreatedAt,
    IReadOnlyList<SystemResults> Systems, IReadOnlyList<StageRecord> Stages, IReadOnlyDictionary<string, double> StageSeconds, double TotalSeconds);

/// <summary>The results of one system.</summary>
/// <param name="Name">System preset name.</param>
/// <param name="Fingerprint">System fingerprint.</param>
/// <param name="BasisSize">N.</param>
/// <param name="ElectronCount">N_e.</param>
/// <param name="DataFolder">Its dataset folder.</param>
/// <param name="Models">One entry per trained model.</param>
public sealed record SystemResults(string Name, string Fingerprint, int BasisSize, int ElectronCount, string DataFolder, IReadOnlyList<ModelResults> Models);

/// <summary>One trained model: recipe, training summary and evaluation.</summary>
/// <param name="Label">Table label, e.g. <c>Symm traj+ens</c>.</param>
/// <param name="Recipe">Model, solver, data and budget.</param>
/// <param name="RunFolder">The training run folder.</param>
/// <param name="Training">The run's summary (final exact loss Σ‖r‖², history, seconds).</param>
/// <param name="Evaluation">The metrics on the test sets.</param>
public sealed record ModelResults(string Label, ModelRecipe Recipe, string RunFolder, TrainingRunResult Training, EvaluationReport Evaluation);
