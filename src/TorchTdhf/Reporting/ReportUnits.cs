namespace TorchTdhf.Reporting;

/// <summary>Unit conversions for report axes (CODATA 2018). Data arrive in atomic units.</summary>
public static class ReportUnits
{
    /// <summary>Femtoseconds per atomic unit of time (ħ/E_h ≈ 0.02418884 fs).</summary>
    public const double FemtosecondsPerAtomicTime = 0.024188843265857;

    /// <summary>Electron volts per hartree (≈ 27.211386 eV).</summary>
    public const double ElectronVoltsPerHartree = 27.211386245988;

    /// <summary>Every element of <paramref name="values"/> times <paramref name="factor"/>, in a new array.</summary>
    public static double[] Scaled(double[] values, double factor) => values.Select(v => v * factor).ToArray();
}
