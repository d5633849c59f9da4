namespace TorchTdhf.Reporting;

/// <summary>The unit a time axis is drawn in; times are always given in atomic units.</summary>
public enum TimeUnit
{
    /// <summary>Atomic units of time (ħ/E_h).</summary>
    AtomicUnits,

    /// <summary>Femtoseconds.</summary>
    Femtoseconds,
}

/// <summary>Conversion and axis label of a <see cref="TimeUnit"/>.</summary>
public static class TimeAxis
{
    /// <summary>Times given in atomic units, expressed in <paramref name="unit"/> (a new array).</summary>
    public static double[] Convert(double[] atomicTimes, TimeUnit unit) => unit switch
    {
        TimeUnit.AtomicUnits => (double[])atomicTimes.Clone(),
        TimeUnit.Femtoseconds => ReportUnits.Scaled(atomicTimes, ReportUnits.FemtosecondsPerAtomicTime),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown time unit"),
    };

    /// <summary>The axis label, e.g. "Time (a.u.)" or "Time (fs)".</summary>
    public static string Label(TimeUnit unit) => unit switch
    {
        TimeUnit.AtomicUnits => "Time (a.u.)",
        TimeUnit.Femtoseconds => "Time (fs)",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown time unit"),
    };

    /// <summary><paramref name="series"/> with its abscissae converted from atomic units to <paramref name="unit"/>.</summary>
    public static LineSeries InUnit(LineSeries series, TimeUnit unit) => series with { X = Convert(series.X, unit) };
}
