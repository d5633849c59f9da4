using System.Text.Json.Serialization;

namespace TorchTdhf.Evaluation;

/// <summary>
/// A model propagated from a test trajectory's first stored density with the trajectory's own integrator, time step,
/// stride and field, compared with the stored ground truth at every stored sample. Atomic units throughout.
/// </summary>
/// <remarks>
/// Dipoles are the electronic dipole along the field's polarisation (z for field-free trajectories),
/// d(t) = −Re Tr(P(t) n·r), relative to the first sample: d(t) − d(0). After a blow-up the per-sample density errors
/// are +∞ and the model's dipoles NaN; <see cref="Drift"/> covers the samples before it.
/// </remarks>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
public sealed record PropagationMetrics
{
    /// <summary>The trajectory's id (its folder name).</summary>
    public required string TrajectoryId { get; init; }

    /// <summary>The trajectory's role, e.g. <c>test-field-on</c>.</summary>
    public required string Role { get; init; }

    /// <summary>Integrator name the trajectory was generated with and the model was propagated with.</summary>
    public required string Integrator { get; init; }

    /// <summary>Fine time step, atomic units of time.</summary>
    public required double Dt { get; init; }

    /// <summary>Fine steps between stored samples.</summary>
    public required int Stride { get; init; }

    /// <summary>Fine steps propagated (up to the last stored sample).</summary>
    public required int Steps { get; init; }

    /// <summary>True when the model's density became non-finite or its integrator failed before the last sample.</summary>
    public required bool BlewUp { get; init; }

    /// <summary>Time of the first non-finite density (atomic units), or null.</summary>
    public double? BlowUpTime { get; init; }

    /// <summary>Why the propagation stopped early, or null.</summary>
    public string? BlowUpReason { get; init; }

    /// <summary>max over samples and entries of |P_true − P_model| (dimensionless; +∞ after a blow-up).</summary>
    public required double DensityErrorMaxAbs { get; init; }

    /// <summary>max over samples of |d_true(t) − d_model(t)|, e·bohr (+∞ after a blow-up).</summary>
    public required double DipoleErrorMaxAbs { get; init; }

    /// <summary>Invariant drift of the model's densities over the samples propagated.</summary>
    public required InvariantDrift Drift { get; init; }

    /// <summary>Sample times t: [T], atomic units.</summary>
    public required double[] Times { get; init; }

    /// <summary>max over entries of |P_true(t) − P_model(t)| per sample: [T], dimensionless.</summary>
    public required double[] DensityError { get; init; }

    /// <summary>Ground-truth dipole d_true(t) − d_true(0) per sample: [T], e·bohr.</summary>
    public required double[] DipoleTrue { get; init; }

    /// <summary>Model dipole d_model(t) − d_model(0) per sample: [T], e·bohr.</summary>
    public required double[] DipoleModel { get; init; }

    /// <summary>
    /// The model's densities at the samples when the evaluation was asked to keep them
    /// (<see cref="EvaluationOptions.KeepDensitiesOf"/>), else null; never serialised: [T·N·N] complex128, row-major
    /// [T, N, N], orthonormal basis, NaN from a blow-up on.
    /// </summary>
    [JsonIgnore]
    public System.Numerics.Complex[]? ModelDensities { get; init; }
}
