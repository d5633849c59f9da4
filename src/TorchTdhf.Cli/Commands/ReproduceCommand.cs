using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Cli.Output;
using TorchTdhf.Cli.Settings;
using TorchTdhf.Study;

namespace TorchTdhf.Cli.Commands;

/// <summary><c>tdhf reproduce</c>: the learning study end to end (generate → train → evaluate → report), resumable.</summary>
public sealed class ReproduceCommand : Command<ReproduceSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ReproduceSettings settings, CancellationToken cancellationToken)
    {
        var systems = settings.Systems?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var preset = StudyPresets.WithSystems(StudyPresets.Get(settings.Preset), systems);
        var options = new ReproduceOptions(preset, settings.Out ?? Path.Combine("reports", preset.Name), settings.Device);
        var outcome = Reproduction.Run(options, new StageLog(quiet: false), cancellationToken);
        if (settings.Json) JsonOutput.Print(Summary(outcome));
        else Print(outcome);
        return 0;
    }

    private sealed record ReproduceSummary(string Out, string Preset, IReadOnlyList<string> Systems, IReadOnlyDictionary<string, double> StageSeconds,
        double TotalSeconds, IReadOnlyList<StageRecord> Stages, IReadOnlyList<string> Plots);

    private static ReproduceSummary Summary(ReproduceOutcome o) => new(o.OutFolder, o.Results.Preset.Name, o.Results.Systems.Select(s => s.Name).ToList(),
        o.Results.StageSeconds, o.Results.TotalSeconds, o.Results.Stages, o.Plots);

    private static void Print(ReproduceOutcome outcome)
    {
        AnsiConsole.WriteLine(outcome.Tables);
        var table = new Table().AddColumns("stage", "units", "reused", "seconds");
        foreach (var (stage, seconds) in outcome.Results.StageSeconds)
        {
            var records = outcome.Results.Stages.Where(r => r.Stage == stage).ToList();
            table.AddRow(stage, records.Count.ToString(), records.Count(r => r.Skipped).ToString(), seconds.ToString("F1"));
        }
        table.AddRow("total", "", "", outcome.Results.TotalSeconds.ToString("F1"));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"Report in {outcome.OutFolder}: {StudyLayout.ResultsFileName}, tables.md, tables.tex, {outcome.Plots.Count} plots in plots/, arrays in arrays/");
    }
}
