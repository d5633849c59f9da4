using System.Text.Json;
using System.Text.Json.Serialization;

namespace TorchTdhf.Datasets;

/// <summary>The JSON style of dataset files: camelCase names, enums as camelCase strings, nulls left out.</summary>
internal static class DatasetJson
{
    /// <summary>For files people read (manifest, metadata sidecars).</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>For hashing: one line, property order as declared.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Parses a JSON file, reporting problems with its path.</summary>
    public static T Read<T>(string path, string what)
    {
        if (!File.Exists(path)) throw new TdhfInputException($"missing {what}", path);
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Indented)
                ?? throw new TdhfInputException($"{what} is empty (null)", path);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new TdhfInputException($"malformed {what}: {e.Message}", path, inner: e);
        }
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        // Read-only options can be shared between threads and never change behind a caller's back.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
