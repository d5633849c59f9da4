using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TorchTdhf.Dynamics.InitialConditions;

namespace TorchTdhf.Datasets;

/// <summary>
/// Everything that determines a trajectory's content: the system, the time grid, the integrator, the field and the
/// initial condition. Two runs with equal specs (and program) produce the same data, so <see cref="Hash"/> is what
/// resuming compares. Times are in atomic units; the fine grid has <see cref="Steps"/> steps of <see cref="Dt"/>
/// from t = 0, and every <see cref="Stride"/>-th fine density is stored.
/// </summary>
public sealed record TrajectorySpec
{
    /// <summary>The molecular system's fingerprint (a string of its integrals, from the caller).</summary>
    public required string SystemFingerprint { get; init; }

    /// <summary>Orthonormal basis size N.</summary>
    public required int BasisSize { get; init; }

    /// <summary>Electrons N_e; densities have Tr P = N_e.</summary>
    public required int ElectronCount { get; init; }

    /// <summary>Fine time step (a.u.), finite and positive.</summary>
    public required double Dt { get; init; }

    /// <summary>Fine steps; the propagation produces Steps + 1 densities (t = 0 included). At least 4.</summary>
    public required long Steps { get; init; }

    /// <summary>Fine steps between stored samples; positive and dividing <see cref="Steps"/>.</summary>
    public required int Stride { get; init; }

    /// <summary>Integrator name, e.g. <c>"mmut"</c> or <c>"rk4"</c>.</summary>
    public required string Integrator { get; init; }

    /// <summary>The field's own JSON description (from the field code), or null for field-free propagation.</summary>
    public JsonNode? Field { get; init; }

    /// <summary>Unit polarisation vector (x, y, z) of the field, or null when there is no field.</summary>
    public IReadOnlyList<double>? Polarisation { get; init; }

    /// <summary>How the initial density was made.</summary>
    public required InitialConditionSpec InitialCondition { get; init; }

    /// <summary>The random seed behind this trajectory (e.g. of its random initial condition), or null.</summary>
    public long? Seed { get; init; }

    /// <summary>Stored samples T = Steps / Stride + 1 (t = 0 and t = Steps·Dt included).</summary>
    [JsonIgnore]
    public long SampleCount => Steps / Stride + 1;

    /// <summary>Checks the options, naming the first one that is out of range.</summary>
    /// <exception cref="TdhfInputException">An option is invalid; <see cref="TdhfInputException.Key"/> names it.</exception>
    public void Validate()
    {
        if (!double.IsFinite(Dt) || Dt <= 0) throw new TdhfInputException($"time step must be finite and positive, got {Dt}", key: "dt");
        if (Steps <= 0) throw new TdhfInputException($"number of steps must be positive, got {Steps}", key: "steps");
        if (Stride <= 0) throw new TdhfInputException($"stride must be positive, got {Stride}", key: "stride");
        if (Steps % Stride != 0) throw new TdhfInputException($"stride {Stride} does not divide the {Steps} steps", key: "stride");
        if (Steps < 4) throw new TdhfInputException($"fourth-order derivatives need at least 4 steps, got {Steps}", key: "steps");
        if (BasisSize <= 0) throw new TdhfInputException($"basis size must be positive, got {BasisSize}", key: "basisSize");
        if (ElectronCount <= 0 || ElectronCount % 2 != 0 || ElectronCount > 2 * BasisSize)
            throw new TdhfInputException($"electron count must be even and between 2 and 2N = {2 * BasisSize}, got {ElectronCount}", key: "electronCount");
        if (string.IsNullOrWhiteSpace(SystemFingerprint)) throw new TdhfInputException("system fingerprint is empty", key: "systemFingerprint");
        if (string.IsNullOrWhiteSpace(Integrator)) throw new TdhfInputException("integrator name is empty", key: "integrator");
        if (Polarisation is { } e && (e.Count != 3 || e.Any(x => !double.IsFinite(x))))
            throw new TdhfInputException("polarisation must be three finite numbers (x, y, z)", key: "polarisation");
    }

    /// <summary>SHA-256 (lower-case hex) of the spec's compact JSON: equal specs give equal hashes.</summary>
    public string Hash()
    {
        var json = JsonSerializer.Serialize(this, DatasetJson.Compact);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
