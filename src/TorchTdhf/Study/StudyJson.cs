using System.Text.Json;
using System.Text.Json.Serialization;

namespace TorchTdhf.Study;

/// <summary>JSON settings of the study's files.</summary>
public static class StudyJson
{
    /// <summary>results.json and key files: indented camelCase, enums as names, ±∞/NaN as strings.</summary>
    public static JsonSerializerOptions Options { get; } = Create(JsonNamingPolicy.CamelCase);

    /// <summary>Reads the training runs' <c>summary.json</c> (snake_case).</summary>
    public static JsonSerializerOptions Summary { get; } = Create(JsonNamingPolicy.SnakeCaseLower);

    private static JsonSerializerOptions Create(JsonNamingPolicy naming)
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = naming,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
