namespace TorchTdhf.Runtime;

/// <summary>
/// Finds the files the build copies from the repository's <c>data/</c> folder: next to the program (the CLI, the
/// tests), or next to this library when a host that lives elsewhere loads it (a notebook kernel run by
/// <c>dotnet repl</c> has its own base directory).
/// </summary>
public static class ShippedDataFolder
{
    /// <summary>The full path of a shipped file or folder such as <c>data/molecules</c>.</summary>
    /// <param name="relativePath">Path relative to the program's folder, e.g. <c>data/basis</c>.</param>
    /// <returns>The path under the program's folder if it exists there, else under the library's folder if it exists
    /// there, else the path under the program's folder (so messages name where it was expected).</returns>
    public static string Locate(string relativePath)
    {
        var nextToProgram = Path.Combine(AppContext.BaseDirectory, relativePath);
        if (Path.Exists(nextToProgram)) return nextToProgram;
        var libraryFolder = Path.GetDirectoryName(typeof(ShippedDataFolder).Assembly.Location);
        if (string.IsNullOrEmpty(libraryFolder)) return nextToProgram;
        var nextToLibrary = Path.Combine(libraryFolder, relativePath);
        return Path.Exists(nextToLibrary) ? nextToLibrary : nextToProgram;
    }
}
