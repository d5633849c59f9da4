using System.Text.Json;
using System.Text.Json.Serialization;

namespace TorchTdhf.Dynamics;

/// <summary>
/// A classical electric field E(t) acting on the electrons in the dipole approximation (atomic units). It enters the
/// Fock matrix as F(P, t) = H_core + G(P) − E(t)·μ with the electronic dipole operator μ = −r, i.e.
/// F = H_core + G(P) + E(t)·r, where r = (x, y, z) are the +⟨i|r|j⟩ position matrices in the orthonormal basis.
/// </summary>
/// <remarks>
/// A field has two parts: a smooth part <see cref="At"/> for t ≥ 0 that propagators sample at their stage times,
/// and an optional impulse <see cref="Impulse"/> = ∫ E dt over the instant t = 0 (a δ-kick), which cannot be
/// sampled and is applied to the initial density instead (<see cref="TdhfEquation.ApplyInitialKicks"/>).
/// Specifications serialise to JSON with a <c>"kind"</c> discriminator: <c>none</c>, <c>sin</c>, <c>kick</c>.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NoField), "none")]
[JsonDerivedType(typeof(SinusoidalField), "sin")]
[JsonDerivedType(typeof(DeltaKick), "kick")]
public abstract record Field
{
    /// <summary>The smooth part of the field vector E(t), atomic units (hartree per bohr per elementary charge).</summary>
    /// <param name="time">t, atomic units of time.</param>
    public abstract CartesianVector At(double time);

    /// <summary>∫ E dt over the instant t = 0, atomic units; zero unless the field contains a δ-kick.</summary>
    [JsonIgnore]
    public virtual CartesianVector Impulse => CartesianVector.Zero;

    // Read-only, so sharing it is safe; missing constructor arguments are errors rather than silent zeros.
    private static readonly JsonSerializerOptions JsonOptions = CreateJsonOptions();

    /// <summary>The specification as JSON, including the <c>"kind"</c> discriminator.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a specification written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">File the text came from, for messages.</param>
    /// <exception cref="TdhfInputException">The text is not a valid field specification.</exception>
    public static Field FromJson(string json, string? source = null)
    {
        try
        {
            return JsonSerializer.Deserialize<Field>(json, JsonOptions) ?? throw new TdhfInputException("a field specification cannot be null", source);
        }
        catch (JsonException e)
        {
            throw new TdhfInputException($"not a valid field specification ({e.Message}); expected e.g. {{\"kind\": \"sin\", \"amplitude\": 0.05, ...}}", source, key: "field", inner: e);
        }
        catch (NotSupportedException e)
        {
            throw new TdhfInputException($"not a valid field specification ({e.Message}); the \"kind\" must be none, sin or kick", source, key: "field", inner: e);
        }
    }

    /// <summary>
    /// Reads the command-line form: <c>none</c>; <c>paper</c> (the paper's pulse, <see cref="SinusoidalField.Paper"/>); <c>sin:amp=0.05,omega=0.0428,cycles=1,dir=z</c> (also <c>t0=</c>,
    /// <c>duration=</c> instead of <c>cycles=</c>); <c>kick:strength=1e-3,dir=z</c>. A direction is an axis with an
    /// optional sign (<c>x</c>, <c>-y</c>) or three numbers separated by semicolons (<c>1;1;0</c>). Text starting
    /// with <c>{</c> is read as JSON.
    /// </summary>
    /// <exception cref="TdhfInputException">The text is not a valid field specification.</exception>
    public static Field Parse(string text) => FieldParser.Parse(text);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions { RespectRequiredConstructorParameters = true };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
