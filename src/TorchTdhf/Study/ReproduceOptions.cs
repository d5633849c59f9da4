namespace TorchTdhf.Study;

/// <summary>What <see cref="Reproduction"/> runs and where.</summary>
/// <param name="Preset">The study preset (already restricted to the chosen systems).</param>
/// <param name="OutFolder">The report folder (created; existing work in it is reused where its fingerprints match).</param>
/// <param name="Device">Training device (<c>cpu</c>).</param>
public sealed record ReproduceOptions(StudyPreset Preset, string OutFolder, string Device = "cpu");

/// <summary>What a reproduction returns.</summary>
/// <param name="OutFolder">The report folder.</param>
/// <param name="Results">Everything in <c>results.json</c>.</param>
/// <param name="Tables">The tables as Markdown (<c>tables.md</c>).</param>
/// <param name="Plots">The PNG files written.</param>
public sealed record ReproduceOutcome(string OutFolder, StudyResults Results, string Tables, IReadOnlyList<string> Plots);
