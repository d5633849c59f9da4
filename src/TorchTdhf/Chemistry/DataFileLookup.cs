namespace TorchTdhf.Chemistry;

/// <summary>
/// Finds a shipped data file from a user's value: an existing path is taken as is, anything else is matched by
/// name against the files of one folder.
/// </summary>
internal static class DataFileLookup
{
    /// <summary>Resolves <paramref name="value"/> to a full file path.</summary>
    /// <param name="value">A path, or a name such as "6-31G*" or "lih".</param>
    /// <param name="folder">The folder of shipped files.</param>
    /// <param name="extension">Their extension, with the dot (".gbs").</param>
    /// <param name="matchKeys">The spellings under which a file stem may be named, already normalised.</param>
    /// <param name="normalise">Turns a user's name into the form of <paramref name="matchKeys"/>.</param>
    /// <param name="kind">What is looked up, for messages ("basis set").</param>
    /// <param name="key">The option that holds the value, for messages.</param>
    public static string Resolve(string value, string folder, string extension, Func<string, IEnumerable<string>> matchKeys,
        Func<string, string> normalise, string kind, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new TdhfInputException($"no {kind} given", key: key);
        if (File.Exists(value)) return Path.GetFullPath(value);
        if (value.Contains(Path.DirectorySeparatorChar) || value.Contains(Path.AltDirectorySeparatorChar))
            throw new TdhfInputException($"{kind} file not found", value, key: key);

        var stems = Stems(folder, extension);
        var wanted = normalise(value);
        var matches = stems.Where(stem => matchKeys(stem).Contains(wanted)).ToArray();
        return matches.Length switch
        {
            1 => Path.GetFullPath(Path.Combine(folder, matches[0] + extension)),
            0 => throw new TdhfInputException(
                $"unknown {kind} '{value}'; available: {(stems.Count == 0 ? $"none (no {extension} files in {folder})" : string.Join(", ", stems))}; or give a path to a {extension} file",
                key: key),
            _ => throw new TdhfInputException($"{kind} '{value}' is ambiguous: it matches {string.Join(", ", matches)}", key: key),
        };
    }

    /// <summary>File names without extension of the folder's files with <paramref name="extension"/>, sorted; empty if the folder is missing.</summary>
    public static IReadOnlyList<string> Stems(string folder, string extension) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + extension)
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToArray()
            : [];
}
