using System.Text.Json;
using System.Text.Json.Serialization;

namespace TorchTdhf.Evaluation;

/// <summary>
/// Everything <see cref="ModelEvaluator"/> measures about a (learned) two-electron potential against ground truth:
/// serialisable with System.Text.Json (<see cref="ToJson"/>; +∞ and NaN are written as the strings "Infinity" and
/// "NaN"). Atomic units throughout.
/// </summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record ModelMetrics
{
    /// <summary>The model's parameterisation (<c>tied</c>, <c>herm</c>, <c>symm</c>), or null for other potentials.</summary>
    public string? ModelKind { get; init; }

    /// <summary>
    /// The final training loss exactly as the trainer reported it (a form of Σ_t ‖r_t‖²_F on the training samples,
    /// hartree², in the trainer's own normalisation), or null.
    /// </summary>
    public double? TrainingLoss { get; init; }

    /// <summary>θ_learned − θ_true in the model's own parameterisation, or null when no true parameters were given.</summary>
    public ParameterError? ParameterError { get; init; }

    /// <summary>The metrics of each held-out set, in the order given.</summary>
    public required IReadOnlyList<TestSetMetrics> TestSets { get; init; }

    /// <summary>Indented JSON of the metrics.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, MetricsJson.Options);

    /// <summary>Reads metrics written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="JsonException">The text is not such metrics.</exception>
    public static ModelMetrics FromJson(string json) =>
        JsonSerializer.Deserialize<ModelMetrics>(json, MetricsJson.Options) ?? throw new JsonException("the metrics are null");
}

/// <summary>The metrics of one held-out set of trajectories.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record TestSetMetrics
{
    /// <summary>The set's name, e.g. <c>test-field-on</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Trajectories in the set.</summary>
    public required int TrajectoryCount { get; init; }

    /// <summary>The residual r_t = iṖ_t − [F_θ(P_t), P_t] over all stored samples of the set.</summary>
    public required CommutatorError Commutator { get; init; }

    /// <summary>max over the set's densities and entries of |G_θ(P) − G_true(P)|, hartree.</summary>
    public required double PotentialErrorMaxAbs { get; init; }

    /// <summary>One comparison per trajectory (empty when propagation was switched off).</summary>
    public required IReadOnlyList<PropagationMetrics> Propagation { get; init; }
}

/// <summary>The serializer settings of the metrics: indented, camel-case, named floating-point literals.</summary>
internal static class MetricsJson
{
    /// <summary>Read-only options, safe to share.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
