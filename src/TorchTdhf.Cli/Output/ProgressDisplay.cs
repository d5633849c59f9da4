using Spectre.Console;

namespace TorchTdhf.Cli.Output;

/// <summary>
/// Progress bars with percentage, elapsed time and ETA on standard error, shown only when standard error is a
/// terminal; elsewhere the work runs silently so logs and JSON stay clean.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with a progress context, or with none when nothing should be drawn.</summary>
    public static T Run<T>(Func<ProgressContext?, T> work)
    {
        if (Console.IsErrorRedirected) return work(null);
        return ErrorConsole.Instance.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => work(context));
    }
}
