namespace TorchTdhf.Tests.Cli;

/// <summary>Where the built <c>tdhf</c> tool is, for tests that run it as a separate process.</summary>
internal static class TdhfTool
{
    private const string ToolFile = "tdhf.dll";

    /// <summary>
    /// The CLI project's own build output for the configuration, framework and runtime of this test assembly (it holds
    /// the patched <c>libLibTorchSharp.so</c>), else the copy the project reference put next to the tests.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither is built; the message says where it looked.</exception>
    public static string Dll
    {
        get
        {
            var candidates = Candidates(AppContext.BaseDirectory).ToList();
            return candidates.FirstOrDefault(IsRunnable)
                ?? throw new InvalidOperationException(
                    $"the tdhf tool is not built (looked for {ToolFile} with its runtimeconfig in {string.Join(", ", candidates.Select(Path.GetDirectoryName))}); "
                    + "run `dotnet build TorchTdhf.sln -c Release` first");
        }
    }

    private static IEnumerable<string> Candidates(string testFolder)
    {
        if (FindRepository(testFolder) is { } root)
        {
            // tests/TorchTdhf.Tests/bin/<configuration>/<framework>/<runtime>/ mirrors src/TorchTdhf.Cli/bin/….
            var testBin = Path.Combine(root, "tests", "TorchTdhf.Tests", "bin");
            var build = Path.GetRelativePath(testBin, testFolder);
            if (!build.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(build))
                yield return Path.Combine(root, "src", "TorchTdhf.Cli", "bin", build, ToolFile);
        }
        yield return Path.Combine(testFolder, ToolFile);
    }

    private static bool IsRunnable(string dll) => File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"));

    private static string? FindRepository(string folder)
    {
        for (var d = new DirectoryInfo(folder); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "TorchTdhf.sln"))) return d.FullName;
        }
        return null;
    }
}
