namespace TorchTdhf.Reporting;

/// <summary>
/// Turns data into the coordinates a plot draws. Log axes draw log₁₀ of the value. A point whose drawn coordinates
/// are not finite (NaN, ±∞, or a non-positive value on a log axis without a floor) is dropped, and its neighbours
/// are joined; a series of only such points draws nothing but keeps its legend entry.
/// </summary>
public static class PlottablePoints
{
    /// <summary>The drawn (x, y) coordinates of <paramref name="series"/> under the scales and floor of a panel.</summary>
    public static (double[] X, double[] Y) Of(LineSeries series, AxisScale xScale, AxisScale yScale, double? logFloor)
    {
        series.Validate();
        var xs = new List<double>(series.X.Length);
        var ys = new List<double>(series.Y.Length);
        for (var k = 0; k < series.X.Length; k++)
        {
            var x = Map(series.X[k], xScale, logFloor);
            var y = Map(series.Y[k], yScale, logFloor);
            if (!double.IsFinite(x) || !double.IsFinite(y)) continue;
            xs.Add(x);
            ys.Add(y);
        }
        return (xs.ToArray(), ys.ToArray());
    }

    /// <summary>The drawn coordinate of one value: itself, or log₁₀ of it (floored when a floor is given).</summary>
    public static double Map(double value, AxisScale scale, double? logFloor)
    {
        if (scale == AxisScale.Linear || double.IsNaN(value)) return value;
        if (value <= 0 && logFloor is { } floor) value = floor;
        return value > 0 ? Math.Log10(value) : double.NaN;
    }
}
