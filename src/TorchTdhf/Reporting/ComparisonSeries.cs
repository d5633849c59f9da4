namespace TorchTdhf.Reporting;

/// <summary>Puts a reference curve and model curves into one series list: the reference first, in <see cref="PlotStyle.Reference"/>.</summary>
public static class ComparisonSeries
{
    /// <summary>
    /// The reference (styled as <see cref="PlotStyle.Reference"/> unless it has a style) followed by the models, whose
    /// styles are left for <see cref="LinePlot"/> to assign by position, so a model keeps its look across figures
    /// that list the models in the same order.
    /// </summary>
    public static IReadOnlyList<LineSeries> Of(LineSeries? reference, IEnumerable<LineSeries> models)
    {
        var list = new List<LineSeries>();
        if (reference is not null) list.Add(reference.Style is null ? reference with { Style = PlotStyle.Reference } : reference);
        list.AddRange(models);
        return list;
    }
}
