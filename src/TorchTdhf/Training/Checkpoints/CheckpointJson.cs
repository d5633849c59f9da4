using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TorchTdhf.Training.Checkpoints;

/// <summary>The JSON style of <c>state.json</c>.</summary>
internal static class CheckpointJson
{
    /// <summary>camelCase names, enums as camelCase strings, indented; NaN and ±Infinity allowed because a
    /// diverging run's loss history must still be saved.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            RespectRequiredConstructorParameters = true,
            // A file, not a web page: keep '+' in version strings and non-ASCII names readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
