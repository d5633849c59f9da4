using System.Text.Json.Serialization;

namespace TorchTdhf.Dynamics;

/// <summary>
/// E(t) = A sin(ω (t − t₀)) n̂ for t₀ ≤ t ≤ t₀ + duration and zero outside, with a unit polarisation vector n̂. The
/// duration is given either directly or as a number of optical cycles (duration = cycles · 2π/ω).
/// </summary>
public sealed record SinusoidalField : Field
{
    /// <summary>Checks and stores the specification; <paramref name="direction"/> is normalised.</summary>
    /// <param name="amplitude">A, atomic units of field strength.</param>
    /// <param name="omega">ω &gt; 0, hartree (angular frequency in atomic units).</param>
    /// <param name="direction">Polarisation; any non-zero vector, stored normalised.</param>
    /// <param name="start">t₀, atomic units of time.</param>
    /// <param name="cycles">Number of cycles of 2π/ω; give this or <paramref name="duration"/>.</param>
    /// <param name="duration">Length of the pulse in atomic units of time; give this or <paramref name="cycles"/>.</param>
    /// <exception cref="TdhfInputException">A value is not finite, ω or the length is not positive, or not exactly one of cycles and duration is given.</exception>
    [JsonConstructor]
    public SinusoidalField(double amplitude, double omega, CartesianVector direction, double start = 0, double? cycles = null, double? duration = null)
    {
        if (!double.IsFinite(amplitude)) throw new TdhfInputException($"the field amplitude must be a finite number, not {amplitude}", key: "amplitude");
        if (!(omega > 0) || !double.IsFinite(omega)) throw new TdhfInputException($"the field frequency omega must be a positive number, not {omega}", key: "omega");
        if (!double.IsFinite(start)) throw new TdhfInputException($"the field start t0 must be a finite number, not {start}", key: "start");
        if (cycles.HasValue == duration.HasValue) throw new TdhfInputException("give the pulse length either as cycles or as duration (exactly one of them)", key: "cycles");
        if (cycles is double c && (!(c > 0) || !double.IsFinite(c))) throw new TdhfInputException($"the number of cycles must be a positive number, not {c}", key: "cycles");
        if (duration is double d && (!(d > 0) || !double.IsFinite(d))) throw new TdhfInputException($"the pulse duration must be a positive number, not {d}", key: "duration");
        Amplitude = amplitude;
        Omega = omega;
        Direction = direction.Normalized();
        Start = start;
        Cycles = cycles;
        Duration = duration;
    }

    /// <summary>The field of the paper: A = 0.05, ω = 0.0428, t₀ = 0, one cycle (t_off = 146.803), along z.</summary>
    public static SinusoidalField Paper() => new(0.05, 0.0428, CartesianVector.UnitZ, cycles: 1);

    /// <summary>A, atomic units of field strength.</summary>
    [JsonPropertyName("amplitude")]
    public double Amplitude { get; }

    /// <summary>ω, hartree.</summary>
    [JsonPropertyName("omega")]
    public double Omega { get; }

    /// <summary>Unit polarisation vector n̂.</summary>
    [JsonPropertyName("direction")]
    public CartesianVector Direction { get; }

    /// <summary>t₀, atomic units of time.</summary>
    [JsonPropertyName("start")]
    public double Start { get; }

    /// <summary>Pulse length in cycles as specified, or null when given as a duration.</summary>
    [JsonPropertyName("cycles")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Cycles { get; }

    /// <summary>Pulse length in atomic units of time as specified, or null when given in cycles.</summary>
    [JsonPropertyName("duration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Duration { get; }

    /// <summary>t₀ + duration: the switch-off time, atomic units.</summary>
    [JsonIgnore]
    public double End => Start + (Duration ?? Cycles!.Value * 2 * Math.PI / Omega);

    /// <inheritdoc />
    public override CartesianVector At(double time) =>
        time >= Start && time <= End ? Direction * (Amplitude * Math.Sin(Omega * (time - Start))) : CartesianVector.Zero;
}
