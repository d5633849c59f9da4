using System.Globalization;

namespace TorchTdhf.Dynamics;

/// <summary>The command-line form of a <see cref="Field"/>: <c>kind[:key=value,...]</c>; see <see cref="Field.Parse"/>.</summary>
internal static class FieldParser
{
    public static Field Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{')) return Field.FromJson(trimmed);
        var colon = trimmed.IndexOf(':');
        var kind = (colon < 0 ? trimmed : trimmed[..colon]).Trim().ToLowerInvariant();
        var values = ParseSettings(colon < 0 ? "" : trimmed[(colon + 1)..], text);
        Field field = kind switch
        {
            "none" => new NoField(),
            "paper" => SinusoidalField.Paper(),
            "sin" => new SinusoidalField(
                Take(values, "amplitude", "amp") ?? throw Missing(text, "amp"),
                Take(values, "omega", "w") ?? throw Missing(text, "omega"),
                TakeDirection(values) ?? throw Missing(text, "dir"),
                Take(values, "start", "t0") ?? 0,
                Take(values, "cycles", "n"),
                Take(values, "duration")),
            "kick" => new DeltaKick(
                Take(values, "strength", "kappa") ?? throw Missing(text, "strength"),
                TakeDirection(values) ?? throw Missing(text, "dir")),
            _ => throw new TdhfInputException($"unknown field kind '{kind}' in '{text}'; expected none, paper, sin:... or kick:...", key: "field"),
        };
        if (values.Count > 0) throw new TdhfInputException($"unknown setting(s) {string.Join(", ", values.Keys)} for a '{kind}' field in '{text}'", key: "field");
        return field;
    }

    private static Dictionary<string, string> ParseSettings(string settings, string text)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in settings.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0) throw new TdhfInputException($"expected key=value, got '{part}' in '{text}'", key: "field");
            if (!values.TryAdd(part[..equals].Trim(), part[(equals + 1)..].Trim()))
                throw new TdhfInputException($"'{part[..equals].Trim()}' is given twice in '{text}'", key: "field");
        }
        return values;
    }

    private static double? Take(Dictionary<string, string> values, params string[] names)
    {
        foreach (var name in names)
        {
            if (!values.Remove(name, out var raw)) continue;
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new TdhfInputException($"'{raw}' is not a number (setting '{name}')", key: name);
            return value;
        }
        return null;
    }

    private static CartesianVector? TakeDirection(Dictionary<string, string> values)
    {
        string? raw = null;
        foreach (var name in new[] { "dir", "direction" })
        {
            if (values.Remove(name, out var found)) raw = found;
        }
        if (raw is null) return null;
        var sign = 1.0;
        var axis = raw;
        if (axis.StartsWith('-') || axis.StartsWith('+'))
        {
            sign = axis[0] == '-' ? -1 : 1;
            axis = axis[1..];
        }
        switch (axis.ToLowerInvariant())
        {
            case "x": return CartesianVector.UnitX * sign;
            case "y": return CartesianVector.UnitY * sign;
            case "z": return CartesianVector.UnitZ * sign;
        }
        var parts = raw.Split(';', StringSplitOptions.TrimEntries);
        var numbers = new double[3];
        var valid = parts.Length == 3;
        for (var i = 0; valid && i < 3; i++) valid = double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]);
        if (!valid) throw new TdhfInputException($"'{raw}' is not a direction; use x, y, z (optionally signed) or three numbers such as 1;1;0", key: "dir");
        return new CartesianVector(numbers[0], numbers[1], numbers[2]);
    }

    private static TdhfInputException Missing(string text, string key) =>
        new($"the field '{text}' needs a '{key}=' setting", key: key);
}
