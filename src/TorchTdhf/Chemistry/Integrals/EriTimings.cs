namespace TorchTdhf.Chemistry.Integrals;

/// <summary>Wall time of the phases of an ERI computation.</summary>
/// <param name="Setup">Shell-pair data, compiled recurrences and Schwarz bounds.</param>
/// <param name="Quartets">The unique shell quartets, written into the tensor rows they own.</param>
/// <param name="Symmetry">Mirroring the written rows to complete the tensor.</param>
public sealed record EriTimings(TimeSpan Setup, TimeSpan Quartets, TimeSpan Symmetry)
{
    /// <summary>All phases together.</summary>
    public TimeSpan Total => Setup + Quartets + Symmetry;
}
