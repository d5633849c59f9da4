namespace TorchTdhf.Datasets;

/// <summary>The content of a dataset's <c>manifest.json</c>: the trajectories written so far, in the order recorded.</summary>
public sealed record DatasetManifest
{
    /// <summary>The value of <see cref="Format"/> in files written by this program.</summary>
    public const string FormatName = "torchtdhf-dataset";

    /// <summary>Always <see cref="FormatName"/>.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>Layout version; 1.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>One entry per trajectory id.</summary>
    public IReadOnlyList<ManifestEntry> Trajectories { get; init; } = Array.Empty<ManifestEntry>();
}
