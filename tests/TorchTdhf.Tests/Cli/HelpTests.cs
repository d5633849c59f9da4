using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Cli;

namespace TorchTdhf.Tests.Cli;

public sealed class HelpTests
{
    // Spectre.Console renders option descriptions as markup, so an unescaped '[' or ']' in one breaks the whole help
    // page. The help goes to a console of this test's own: Spectre's default one keeps the first standard output it saw.
    [Theory]
    [InlineData("scf")]
    [InlineData("system")]
    [InlineData("generate")]
    [InlineData("train")]
    [InlineData("evaluate")]
    [InlineData("reproduce")]
    [InlineData("bench", "eri")]
    [InlineData("bench", "gemm")]
    [InlineData("bench", "propagate")]
    [InlineData("bench", "train")]
    public void EveryCommandPrintsItsHelp(params string[] command)
    {
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
        var code = app.Run(command.Append("--help"));
        Assert.True(code == 0, $"exit code {code}: {output}");
        Assert.Contains("OPTIONS:", output.ToString());
    }
}
