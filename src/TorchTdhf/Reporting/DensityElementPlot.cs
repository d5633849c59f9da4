using System.Numerics;

namespace TorchTdhf.Reporting;

/// <summary>
/// Density-matrix elements over time, true vs models, as one figure: a grid with one row per element and one column
/// per requested part (Re, Im), so all elements share a single image and comparisons across panels stay aligned.
/// </summary>
public static class DensityElementPlot
{
    /// <summary>The panels, row by row: for each element, its real part then its imaginary part (as requested).</summary>
    /// <param name="truth">Reference trajectory, drawn as <see cref="PlotStyle.Reference"/>.</param>
    /// <param name="models">Model trajectories of the same basis size (time grids may differ).</param>
    /// <param name="elements">Elements to show, 0-based.</param>
    /// <param name="parts">Real, imaginary or both.</param>
    /// <param name="unit">Unit of the time axis (the data are in atomic units).</param>
    public static IReadOnlyList<LinePanel> Panels(
        DensityTrajectory truth,
        IReadOnlyList<DensityTrajectory> models,
        IReadOnlyList<DensityElement> elements,
        ComplexParts parts = ComplexParts.Both,
        TimeUnit unit = TimeUnit.AtomicUnits)
    {
        if (elements.Count == 0) throw new ArgumentException("choose at least one density-matrix element", nameof(elements));
        if ((parts & ComplexParts.Both) == 0) throw new ArgumentException("choose the real part, the imaginary part or both", nameof(parts));
        var panels = new List<LinePanel>();
        foreach (var element in elements)
        {
            if (parts.HasFlag(ComplexParts.Real)) panels.Add(PartPanel(truth, models, element, unit, "Re", c => c.Real));
            if (parts.HasFlag(ComplexParts.Imaginary)) panels.Add(PartPanel(truth, models, element, unit, "Im", c => c.Imaginary));
        }
        return panels;
    }

    /// <summary>
    /// Writes the figure of <see cref="Panels"/> as a PNG (atomically); the default size is 1000 wide and 320 pixels per
    /// element row.
    /// </summary>
    public static void Save(
        string path,
        string title,
        DensityTrajectory truth,
        IReadOnlyList<DensityTrajectory> models,
        IReadOnlyList<DensityElement> elements,
        ComplexParts parts = ComplexParts.Both,
        TimeUnit unit = TimeUnit.AtomicUnits,
        FigureSize? size = null)
    {
        var panels = Panels(truth, models, elements, parts, unit);
        var columns = parts == ComplexParts.Both ? 2 : 1;
        FigureWriter.SaveGrid(path, title, panels, columns, size ?? FigureSize.ForRows(elements.Count));
    }

    private static LinePanel PartPanel(
        DensityTrajectory truth,
        IReadOnlyList<DensityTrajectory> models,
        DensityElement element,
        TimeUnit unit,
        string partName,
        Func<Complex, double> part)
    {
        LineSeries Curve(DensityTrajectory trajectory) => new(
            trajectory.Name,
            TimeAxis.Convert(trajectory.Times, unit),
            trajectory.Element(element.Row, element.Column).Select(part).ToArray());

        var name = $"{partName} P[{element.Row},{element.Column}]";
        // Density elements are dimensionless occupations, so the axis carries no unit.
        return new LinePanel(name, TimeAxis.Label(unit), name, ComparisonSeries.Of(Curve(truth), models.Select(Curve)));
    }
}
