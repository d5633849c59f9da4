namespace TorchTdhf.Datasets;

/// <summary>How a <see cref="TrajectoryWriter"/> recognises a blow-up.</summary>
public sealed record TrajectoryWriterOptions
{
    /// <summary>
    /// A fine-step density with Frobenius norm above this factor times √(2·N_e) — the norm of every closed-shell
    /// density with Tr P = N_e, P² = 2P — or with a non-finite entry stops the propagation. Must exceed 1.
    /// </summary>
    public double NormBoundFactor { get; init; } = 10;

    /// <summary>Checks the options.</summary>
    /// <exception cref="TdhfInputException">An option is out of range; the key names it.</exception>
    public void Validate()
    {
        if (!double.IsFinite(NormBoundFactor) || NormBoundFactor <= 1)
            throw new TdhfInputException($"norm bound factor must be finite and above 1, got {NormBoundFactor}", key: "normBoundFactor");
    }
}
