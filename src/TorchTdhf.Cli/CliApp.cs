using Spectre.Console;
using Spectre.Console.Cli;

namespace TorchTdhf.Cli;

/// <summary>The <c>tdhf</c> command tree and its error policy.</summary>
public static class CliApp
{
    /// <summary>Registers the commands and how errors are reported.</summary>
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("tdhf");
        config.SetExceptionHandler((exception, _) => ReportError(exception));
    }

    /// <summary>Prints an error the way users should see it and returns the process exit code.</summary>
    public static int ReportError(Exception exception)
    {
        var (message, code) = exception switch
        {
            TdhfInputException input => (input.Message, 2),
            CommandParseException or CommandRuntimeException => (exception.Message, 64),
            OperationCanceledException => ("interrupted", 130),
            _ => ($"internal error: {exception}", 70),
        };
        AnsiConsole.Console.Profile.Out = new AnsiConsoleOutput(Console.Error);
        Console.Error.WriteLine($"tdhf: error: {message}");
        return code;
    }
}
