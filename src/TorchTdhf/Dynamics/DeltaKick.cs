using System.Text.Json.Serialization;

namespace TorchTdhf.Dynamics;

/// <summary>
/// A δ-kick E(t) = κ n̂ δ(t): all of its effect happens at t = 0, where it turns the initial density into
/// P(0⁺) = U P(0) U† with U = exp(−i κ n̂·r), the exact propagator of i dP/dt = [F, P] across the instant of the δ
/// for F ∋ +E(t)·r. Physically the kick gives every electron momentum −κ n̂ (force −E on charge −1), so for κ &gt; 0
/// the electrons start moving towards −n̂ and the dipole moment n̂·μ(t) first grows. After t = 0 the field is zero.
/// </summary>
public sealed record DeltaKick : Field
{
    /// <summary>Checks and stores the kick; <paramref name="direction"/> is normalised.</summary>
    /// <param name="strength">κ = ∫E dt, atomic units; small values (≈ 1e-3) keep the response linear.</param>
    /// <param name="direction">Polarisation; any non-zero vector, stored normalised.</param>
    /// <exception cref="TdhfInputException">The strength is not finite or the direction is zero.</exception>
    [JsonConstructor]
    public DeltaKick(double strength, CartesianVector direction)
    {
        if (!double.IsFinite(strength)) throw new TdhfInputException($"the kick strength must be a finite number, not {strength}", key: "strength");
        Strength = strength;
        Direction = direction.Normalized();
    }

    /// <summary>κ, atomic units (field strength × time).</summary>
    [JsonPropertyName("strength")]
    public double Strength { get; }

    /// <summary>Unit polarisation vector n̂.</summary>
    [JsonPropertyName("direction")]
    public CartesianVector Direction { get; }

    /// <inheritdoc />
    [JsonIgnore]
    public override CartesianVector Impulse => Direction * Strength;

    /// <inheritdoc />
    public override CartesianVector At(double time) => CartesianVector.Zero;
}
