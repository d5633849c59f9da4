using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Cli;

namespace TorchTdhf.Tests.Cli;

public class HelpTests
{
    // Option descriptions are Spectre markup: an unescaped bracket such as "(0, 1]" made --help crash.
    [Theory]
    [InlineData("scf")]
    [InlineData("system")]
    [InlineData("generate")]
    [InlineData("train")]
    [InlineData("evaluate")]
    [InlineData("reproduce")]
    [InlineData("bench eri")]
    [InlineData("bench gemm")]
    [InlineData("bench propagate")]
    [InlineData("bench train")]
    public void EveryCommandPrintsItsHelp(string command)
    {
        // Help goes to the app's console, so it is captured there rather than through CliRunner's redirection.
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var app = new CommandApp();
        app.Configure(config =>
        {
            CliApp.Configure(config);
            config.ConfigureConsole(console);
        });
        var code = app.Run(command.Split(' ').Append("--help"));
        Assert.True(code == 0, output.ToString());
        Assert.Contains("OPTIONS:", output.ToString());
    }
}
