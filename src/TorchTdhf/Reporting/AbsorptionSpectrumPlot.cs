namespace TorchTdhf.Reporting;

/// <summary>Absorption spectra, true vs learned: energy in eV, intensity in arbitrary units.</summary>
public static class AbsorptionSpectrumPlot
{
    /// <summary>The x-axis label.</summary>
    public const string EnergyLabel = "Energy (eV)";

    /// <summary>The y-axis label.</summary>
    public const string IntensityLabel = "Intensity (arb. units)";

    /// <summary>
    /// The panel; every series has frequencies ω in hartree (atomic units) as X and intensities as Y. Points above
    /// <paramref name="maxEnergyEv"/> (when given) are left out, which zooms onto the low-energy peaks.
    /// </summary>
    public static LinePanel Panel(string title, LineSeries truth, IReadOnlyList<LineSeries> models, double? maxEnergyEv = null) =>
        new(title, EnergyLabel, IntensityLabel,
            ComparisonSeries.Of(InElectronVolts(truth, maxEnergyEv), models.Select(m => InElectronVolts(m, maxEnergyEv))));

    /// <summary>Writes <see cref="Panel"/> as a PNG (atomically), 1000 × 600 unless sized.</summary>
    public static void Save(string path, string title, LineSeries truth, IReadOnlyList<LineSeries> models,
        double? maxEnergyEv = null, FigureSize? size = null) =>
        FigureWriter.Save(path, Panel(title, truth, models, maxEnergyEv), size);

    private static LineSeries InElectronVolts(LineSeries series, double? maxEnergyEv)
    {
        series.Validate();
        var energies = ReportUnits.Scaled(series.X, ReportUnits.ElectronVoltsPerHartree);
        var keep = Enumerable.Range(0, energies.Length).Where(k => maxEnergyEv is not { } max || energies[k] <= max).ToArray();
        return series with { X = keep.Select(k => energies[k]).ToArray(), Y = keep.Select(k => series.Y[k]).ToArray() };
    }
}
