namespace TorchTdhf.Tests.Cli;

public class HelpTests
{
    // Option descriptions are Spectre.Console markup: an unescaped '[' in one makes that command's help crash.
    [Theory]
    [InlineData("generate")]
    [InlineData("train")]
    [InlineData("evaluate")]
    [InlineData("reproduce")]
    [InlineData("scf")]
    [InlineData("system")]
    [InlineData("bench", "eri")]
    [InlineData("bench", "gemm")]
    [InlineData("bench", "propagate")]
    [InlineData("bench", "train")]
    public void EveryCommandPrintsItsHelp(params string[] command)
    {
        var result = CliRunner.Run(command.Append("--help").ToArray());

        Assert.True(result.ExitCode == 0, result.Error);
    }
}
