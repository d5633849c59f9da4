namespace TorchTdhf;

/// <summary>Choices that users type by lower-case name (models, solvers, optimizers, preconditioners).</summary>
internal static class EnumNames
{
    /// <summary>The lower-case name of a choice.</summary>
    public static string Of<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    /// <summary>The choice named <paramref name="text"/> (case-insensitive, surrounding blanks ignored).</summary>
    /// <param name="text">What the user typed.</param>
    /// <param name="all">The known choices, in the order the message lists them.</param>
    /// <param name="what">What a choice is, for the message (<c>model</c>, <c>solver</c>, …).</param>
    /// <param name="key">The option the text came from.</param>
    /// <param name="ignored">A character dropped from the text before comparing (e.g. '-' so that <c>l-bfgs</c> names lbfgs), or null.</param>
    /// <exception cref="TdhfInputException">No choice has that name; the message lists the known ones.</exception>
    public static T Parse<T>(string? text, IReadOnlyList<T> all, string what, string key, char? ignored = null) where T : struct, Enum
    {
        var cleaned = text?.Trim();
        if (ignored is { } dropped) cleaned = cleaned?.Replace(dropped.ToString(), "", StringComparison.Ordinal);
        foreach (var choice in all)
            if (string.Equals(cleaned, Of(choice), StringComparison.OrdinalIgnoreCase)) return choice;
        throw new TdhfInputException($"unknown {what} '{text}' (known: {string.Join(", ", all.Select(Of))})", key: key);
    }
}
