using System.Diagnostics;
using Spectre.Console;
using TorchTdhf.Study;

namespace TorchTdhf.Cli.Output;

/// <summary>
/// Progress of a multi-stage run as lines on standard error: every start and finish, and within a unit of work a
/// percentage line at most every few seconds, so the log stays readable when redirected too.
/// </summary>
public sealed class StageLog(bool quiet) : IProgress<StudyProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, TimeSpan> _last = new();

    /// <inheritdoc />
    public void Report(StudyProgress value)
    {
        if (quiet) return;
        var where = $"[{value.Stage}] {(value.System is null ? "" : value.System + " ")}{value.Item}";
        if (value.Fraction is { } fraction and < 1)
        {
            var now = _clock.Elapsed;
            if (_last.TryGetValue(where, out var last) && now - last < Interval) return;
            _last[where] = now;
            Write($"{where}: {fraction:P0} {value.Message}");
            return;
        }
        Write($"{where}: {value.Message}");
    }

    private void Write(string line) =>
        ErrorConsole.Instance.MarkupLine($"[grey]{_clock.Elapsed:hh\\:mm\\:ss}[/] {Markup.Escape(line)}");
}
