namespace TorchTdhf.Evaluation;

/// <summary>Settings of <see cref="ModelEvaluator"/>.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Samples whose potential and residual are evaluated together (bounds memory: a few [chunk, N, N] tensors).</summary>
    public int ChunkSize { get; init; } = 512;

    /// <summary>Propagate the model along every test trajectory (the costly part); false reports no propagation metrics.</summary>
    public bool Propagate { get; init; } = true;

    /// <summary>Throws unless the settings are usable.</summary>
    /// <exception cref="TdhfInputException">The chunk size is not positive.</exception>
    public void Validate()
    {
        if (ChunkSize < 1) throw new TdhfInputException($"the evaluation chunk size must be positive, not {ChunkSize}", key: "chunkSize");
    }
}
