using System.Reflection;

namespace TorchTdhf.Datasets;

/// <summary>
/// The JSON sidecar <c>metadata.json</c> of a stored trajectory: its spec, how it was made and whether it ran to
/// the end. A trajectory that stopped early (blow-up) keeps its valid samples and has <see cref="Completed"/>
/// false and a <see cref="StopReason"/>.
/// </summary>
public sealed record TrajectoryMetadata
{
    /// <summary>The value of <see cref="Format"/> in files written by this program.</summary>
    public const string FormatName = "torchtdhf-trajectory";

    /// <summary>Always <see cref="FormatName"/>; tells these files from other JSON.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>Layout version of the trajectory folder; 1.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>Member id, unique within the dataset; also the trajectory's folder name.</summary>
    public required string Id { get; init; }

    /// <summary>What the trajectory is for, e.g. <c>train</c>, <c>ensemble</c>, <c>test-field-free</c>, <c>test-field-on</c>.</summary>
    public required string Role { get; init; }

    /// <summary>What was propagated.</summary>
    public required TrajectorySpec Spec { get; init; }

    /// <summary><see cref="TrajectorySpec.Hash"/> of <see cref="Spec"/> at write time.</summary>
    public required string SpecHash { get; init; }

    /// <summary>Informational version of the TorchTdhf assembly that wrote the data.</summary>
    public required string ProgramVersion { get; init; }

    /// <summary>True when all <see cref="TrajectorySpec.SampleCount"/> samples were written.</summary>
    public required bool Completed { get; init; }

    /// <summary>Samples T stored in every array.</summary>
    public required long SampleCount { get; init; }

    /// <summary>Why the propagation stopped early, or null.</summary>
    public string? StopReason { get; init; }

    /// <summary>How <c>Pdot.npy</c> was obtained.</summary>
    public string DerivativeMethod { get; init; } = DerivativeFromFineGrid;

    /// <summary>
    /// Ṗ at each sample from the five fine-grid densities around it: central fourth-order differences, one-sided
    /// fourth-order at the first two and last two fine steps (see <see cref="FourthOrderDifference"/>).
    /// </summary>
    public const string DerivativeFromFineGrid = "fine-grid fourth-order differences (central; one-sided at the two first and last fine steps)";

    /// <summary>The running program's informational version.</summary>
    public static string CurrentProgramVersion =>
        typeof(TrajectoryMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
