using Spectre.Console;
using TorchTdhf.Cli.Settings;

namespace TorchTdhf.Cli.Output;

/// <summary>Shows a spinner with a label while a step without measurable progress runs.</summary>
public static class Busy
{
    /// <summary>Runs <paramref name="work"/>; the spinner goes to standard error and only in human-readable mode.</summary>
    public static T Run<T>(OutputSettings settings, string label, Func<T> work)
    {
        if (settings.Json || Console.IsErrorRedirected) return work();
        return ErrorConsole.Instance.Status().Start(Markup.Escape(label) + "…", _ => work());
    }
}
