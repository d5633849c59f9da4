namespace TorchTdhf;

/// <summary>
/// A problem with something the user supplied (a file, an option, a numerical setting), reported with where it
/// was found so it can be fixed without a debugger. The command line prints <see cref="Exception.Message"/> and
/// exits with a non-zero code.
/// </summary>
public class TdhfInputException : Exception
{
    /// <summary>Creates the error; <paramref name="file"/>, <paramref name="line"/> and <paramref name="key"/> locate it.</summary>
    /// <param name="problem">What is wrong, in a sentence.</param>
    /// <param name="file">The file that holds the problem, if any.</param>
    /// <param name="line">One-based line number in <paramref name="file"/>, if the file is text.</param>
    /// <param name="key">The key, option or field that holds the problem, if any.</param>
    /// <param name="inner">The exception that revealed the problem, if any.</param>
    public TdhfInputException(string problem, string? file = null, int? line = null, string? key = null, Exception? inner = null)
        : base(Format(problem, file, line, key), inner)
    {
        Problem = problem;
        File = file;
        Line = line;
        Key = key;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The file that holds the problem, if any.</summary>
    public string? File { get; }

    /// <summary>One-based line number in <see cref="File"/>, if any.</summary>
    public int? Line { get; }

    /// <summary>The key, option or field that holds the problem, if any.</summary>
    public string? Key { get; }

    private static string Format(string problem, string? file, int? line, string? key)
    {
        var where = file ?? "";
        if (line is int l) where += $":{l}";
        if (key is not null) where += (where.Length > 0 ? " " : "") + $"[{key}]";
        return where.Length > 0 ? $"{where}: {problem}" : problem;
    }
}
