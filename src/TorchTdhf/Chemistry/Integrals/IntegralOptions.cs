namespace TorchTdhf.Chemistry.Integrals;

/// <summary>Settings of the integral engine; the defaults give results exact to double precision.</summary>
public sealed record IntegralOptions
{
    private readonly double _schwarzThreshold = 1e-14;
    private readonly int _maxDegreeOfParallelism = -1;
    private readonly (double X, double Y, double Z) _dipoleOrigin;

    /// <summary>
    /// Shell quartets whose Schwarz bound max √(ab|ab) · max √(cd|cd) is below this are skipped (left zero), and
    /// within a quartet primitive quartets are skipped only while their bounds together stay below it, so no
    /// integral moves by more than about this much. 0 disables screening. Default 1e−14 (hartree), far below what
    /// any comparison at 1e−10 can see.
    /// </summary>
    /// <exception cref="TdhfInputException">Negative, infinite or NaN.</exception>
    public double SchwarzThreshold
    {
        get => _schwarzThreshold;
        init => _schwarzThreshold = value >= 0 && double.IsFinite(value)
            ? value
            : throw new TdhfInputException($"the Schwarz threshold must be a finite number ≥ 0, not {value}", key: nameof(SchwarzThreshold));
    }

    /// <summary>Threads for the two-electron integrals: −1 (default) for every core, or a positive count.</summary>
    /// <exception cref="TdhfInputException">0 or below −1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init => _maxDegreeOfParallelism = value is -1 or > 0
            ? value
            : throw new TdhfInputException($"the thread count must be −1 (all cores) or positive, not {value}", key: nameof(MaxDegreeOfParallelism));
    }

    /// <summary>Origin of the position (dipole) integrals in <see cref="IntegralEngine.Compute"/>, bohr; default (0, 0, 0).</summary>
    /// <exception cref="TdhfInputException">A coordinate is not finite.</exception>
    public (double X, double Y, double Z) DipoleOrigin
    {
        get => _dipoleOrigin;
        init => _dipoleOrigin = double.IsFinite(value.X) && double.IsFinite(value.Y) && double.IsFinite(value.Z)
            ? value
            : throw new TdhfInputException($"the dipole origin must be finite, not {value}", key: nameof(DipoleOrigin));
    }

    /// <summary>The defaults.</summary>
    public static IntegralOptions Default { get; } = new();
}
