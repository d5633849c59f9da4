using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Cli;

namespace TorchTdhf.Tests.Cli;

/// <summary>Runs the <c>tdhf</c> command tree in-process and captures what it prints.</summary>
internal static class CliRunner
{
    private static readonly object Gate = new();

    /// <summary>Exit code, standard output and standard error of one invocation.</summary>
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>Runs <c>tdhf ARGS</c>; console redirection is process-wide, so invocations are serialised.</summary>
    public static Result Run(params string[] args)
    {
        lock (Gate)
        {
            var (oldOut, oldError) = (Console.Out, Console.Error);
            var output = new StringWriter();
            var error = new StringWriter();
            var oldConsole = AnsiConsole.Console;
            try
            {
                Console.SetOut(output);
                Console.SetError(error);
                AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Out = new AnsiConsoleOutput(output),
                    Ansi = AnsiSupport.No,
                    ColorSystem = ColorSystemSupport.NoColors,
                    Interactive = InteractionSupport.No,
                });
                var app = new CommandApp();
                app.Configure(CliApp.Configure);
                var code = app.Run(args);
                return new Result(code, output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldError);
                AnsiConsole.Console = oldConsole;
            }
        }
    }
}
