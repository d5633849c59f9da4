namespace TorchTdhf.Reporting;

/// <summary>One named curve of a line plot.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">Abscissae, same length as <paramref name="Y"/>.</param>
/// <param name="Y">Ordinates.</param>
/// <param name="Style">How the line is drawn; <c>null</c> takes <see cref="PlotStyle.ForIndex"/> of the series'
/// position among the unstyled series of its panel.</param>
public sealed record LineSeries(string Name, double[] X, double[] Y, SeriesStyle? Style = null)
{
    /// <summary>Throws when the coordinate arrays differ in length.</summary>
    public void Validate()
    {
        if (X.Length != Y.Length)
            throw new ArgumentException($"series '{Name}' has {X.Length} x values but {Y.Length} y values");
    }
}
