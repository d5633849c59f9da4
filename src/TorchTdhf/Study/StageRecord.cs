namespace TorchTdhf.Study;

/// <summary>The stages of a reproduction, in order.</summary>
public static class StageNames
{
    /// <summary>Ground-truth trajectories.</summary>
    public const string Generate = "generate";

    /// <summary>Model training.</summary>
    public const string Train = "train";

    /// <summary>Metrics, model dynamics and kick spectra.</summary>
    public const string Evaluate = "evaluate";

    /// <summary>results.json, tables and plots (always rewritten).</summary>
    public const string Report = "report";
}

/// <summary>One unit of work of a reproduction and what it cost.</summary>
/// <param name="Stage">One of <see cref="StageNames"/>.</param>
/// <param name="System">The system preset, or null for the report.</param>
/// <param name="Item">What was done, e.g. the run folder name.</param>
/// <param name="Skipped">True when finished work with the same fingerprints was found and reused.</param>
/// <param name="Seconds">Wall time, seconds.</param>
public sealed record StageRecord(string Stage, string? System, string Item, bool Skipped, double Seconds);

/// <summary>A progress line of a reproduction.</summary>
/// <param name="Stage">One of <see cref="StageNames"/>.</param>
/// <param name="System">The system, or null.</param>
/// <param name="Item">The unit of work.</param>
/// <param name="Fraction">Completed fraction in [0, 1] of the unit, or null for a start/finish message.</param>
/// <param name="Message">Free text (rates, losses, "skipped").</param>
public sealed record StudyProgress(string Stage, string? System, string Item, double? Fraction, string Message);
