namespace TorchTdhf.Chemistry.Integrals;

/// <summary>Settings of the integral engine; the defaults give results exact to double precision.</summary>
public sealed record IntegralOptions
{
    /// <summary>
    /// Shell quartets whose Schwarz bound max √(ab|ab) · max √(cd|cd) is below this are skipped (left zero);
    /// primitive pairs are dropped when their own bound times the largest pair bound is below 1 % of it.
    /// 0 disables screening. Default 1e−14, far below what any comparison at 1e−10 can see.
    /// </summary>
    public double SchwarzThreshold { get; init; } = 1e-14;

    /// <summary>Threads for the two-electron integrals; −1 (default) uses every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Origin of the position (dipole) integrals, bohr; default (0, 0, 0).</summary>
    public (double X, double Y, double Z) DipoleOrigin { get; init; }

    /// <summary>The defaults.</summary>
    public static IntegralOptions Default { get; } = new();
}
