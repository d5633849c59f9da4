namespace TorchTdhf.Training;

/// <summary>Settings of <see cref="ExactLeastSquares"/>.</summary>
public sealed record ExactLeastSquaresOptions
{
    /// <summary>
    /// Singular values of K below this fraction of the largest are treated as zero (pseudo-inverse). Because the
    /// solver works with KᵀK, whose eigenvalues are the squares, values below about 1e-8 cannot be resolved.
    /// </summary>
    public double RelativeCutoff { get; init; } = 1e-6;

    /// <summary>
    /// The most parameters accepted: KᵀK takes p² doubles (128 MiB at 4096) and forming it costs p model products
    /// and adjoints per sample; larger models belong to <see cref="Lsmr"/>.
    /// </summary>
    public long MaxParameters { get; init; } = 4096;
}
