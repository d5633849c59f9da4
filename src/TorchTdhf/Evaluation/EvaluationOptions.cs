namespace TorchTdhf.Evaluation;

/// <summary>Settings of <see cref="ModelEvaluator"/>.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Samples whose potential and residual are evaluated together (bounds memory: a few [chunk, N, N] tensors).</summary>
    public int ChunkSize { get; init; } = 512;

    /// <summary>Propagate the model along every test trajectory (the costly part); false reports no propagation metrics.</summary>
    public bool Propagate { get; init; } = true;

    /// <summary>
    /// Ids of the trajectories whose propagated model densities are kept in <see cref="PropagationMetrics.ModelDensities"/>
    /// (e.g. for plots), so that nothing is propagated twice.
    /// </summary>
    public IReadOnlyCollection<string> KeepDensitiesOf { get; init; } = Array.Empty<string>();

    /// <summary>Propagations of small bases (N ≤ 16) run at the same time, one per thread; larger ones run one by one.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws unless the settings are usable.</summary>
    /// <exception cref="TdhfInputException">The chunk size or the parallelism is not positive.</exception>
    public void Validate()
    {
        if (ChunkSize < 1) throw new TdhfInputException($"the evaluation chunk size must be positive, not {ChunkSize}", key: "chunkSize");
        if (Parallelism < 1) throw new TdhfInputException($"the number of parallel propagations must be positive, not {Parallelism}", key: "parallelism");
    }
}
