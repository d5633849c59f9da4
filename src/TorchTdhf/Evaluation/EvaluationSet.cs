using TorchTdhf.Datasets;

namespace TorchTdhf.Evaluation;

/// <summary>Held-out trajectories evaluated together under one name, e.g. the field-free or the field-on test set.</summary>
/// <param name="Name">Label in the metrics, e.g. <c>test-field-free</c>.</param>
/// <param name="Dataset">The trajectories (not owned: the caller disposes them).</param>
public sealed record EvaluationSet(string Name, Dataset Dataset);
