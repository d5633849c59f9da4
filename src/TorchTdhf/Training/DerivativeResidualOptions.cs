namespace TorchTdhf.Training;

/// <summary>How <see cref="DerivativeResidual"/> splits the samples into chunks.</summary>
public sealed record DerivativeResidualOptions
{
    /// <summary>Bytes of working memory per sample assumed when sizing chunks: eight N×N complex128 matrices per N².</summary>
    public const long BytesPerSampleEntry = 8 * 16;

    /// <summary>Samples per chunk; null: as many as fit <see cref="MemoryBudgetBytes"/>.</summary>
    public int? ChunkSize { get; init; }

    /// <summary>
    /// Working memory for one chunk when <see cref="ChunkSize"/> is null: the chunk is budget / (<see cref="BytesPerSampleEntry"/>·N²)
    /// samples (224 MiB: about 15 000 samples at N = 11, 510 at N = 60), large enough that the model's products run at
    /// GEMM speed and small enough that only the residual-space vectors themselves scale with the data.
    /// </summary>
    /// <remarks>
    /// Why 224 MiB: the largest temporary, one complex matrix per sample, is then an eighth of it, 28 MiB, below the
    /// 32 MiB ceiling of glibc's mmap threshold. Blocks under the threshold are recycled from the heap chunk after
    /// chunk; larger ones are mapped afresh and their pages faulted in on first touch every time (about 0.1 ms per MB,
    /// some 10 % of an iteration at N = 29).
    /// </remarks>
    public long MemoryBudgetBytes { get; init; } = 224L << 20;

    /// <summary>The chunk for <paramref name="sampleCount"/> samples of size <paramref name="basisSize"/>.</summary>
    /// <exception cref="TdhfInputException">A chunk size or budget below one sample.</exception>
    public long ChunkFor(long sampleCount, int basisSize)
    {
        if (ChunkSize is < 1) throw new TdhfInputException($"the chunk size must be at least 1 sample, not {ChunkSize}", key: "chunk-size");
        if (MemoryBudgetBytes < 1) throw new TdhfInputException($"the memory budget must be positive, not {MemoryBudgetBytes}", key: "memory-budget");
        var chunk = ChunkSize ?? MemoryBudgetBytes / (BytesPerSampleEntry * basisSize * basisSize);
        return Math.Clamp(chunk, 1, Math.Max(1, sampleCount));
    }
}
