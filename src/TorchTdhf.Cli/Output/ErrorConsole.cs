using Spectre.Console;

namespace TorchTdhf.Cli.Output;

/// <summary>A console on standard error, so progress and messages never mix with results (JSON) on standard output.</summary>
public static class ErrorConsole
{
    /// <summary>The console writing to standard error.</summary>
    public static IAnsiConsole Instance { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
