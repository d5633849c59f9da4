using System.Text.Json;
using System.Text.Json.Serialization;

namespace TorchTdhf.Dynamics.InitialConditions;

/// <summary>
/// How an initial density was made, recorded in every trajectory's metadata so a dataset can be regenerated.
/// Serialised as JSON with a <c>"kind"</c> discriminator: <c>ground</c>, <c>kick</c>, <c>random</c> or <c>file</c>.
/// Densities themselves are never stored here, only the recipe.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(GroundStateSpec), "ground")]
[JsonDerivedType(typeof(KickSpec), "kick")]
[JsonDerivedType(typeof(RandomEnsembleSpec), "random")]
[JsonDerivedType(typeof(FileDensitySpec), "file")]
public abstract record InitialConditionSpec
{
    /// <summary>The <c>"kind"</c> written to JSON: <c>ground</c>, <c>kick</c>, <c>random</c> or <c>file</c>.</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>
    /// Options used for every spec (camelCase names, enums as strings); read-only, so sharing them is safe.
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    /// <summary>The spec as compact JSON, including its <c>"kind"</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Parses a spec written by <see cref="ToJson"/>.</summary>
    /// <exception cref="TdhfInputException">The text is not a valid spec.</exception>
    public static InitialConditionSpec FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<InitialConditionSpec>(json, JsonOptions)
                ?? throw new TdhfInputException("initial-condition spec is null", key: "initialCondition");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new TdhfInputException($"invalid initial-condition spec ({e.Message})", key: "initialCondition", inner: e);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>The ground-state density of the system (e.g. from RHF), built from the molecular system.</summary>
/// <param name="Method">Where the ground state comes from, e.g. <c>"rhf"</c>.</param>
public sealed record GroundStateSpec(string Method = "rhf") : InitialConditionSpec
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "ground";
}

/// <summary>
/// The ground state after an instantaneous (delta) field kick P → U P U† with U = e^{+iκ e·μ} = e^{−iκ e·r} (μ = −r), the convention of <see cref="TorchTdhf.Dynamics.DeltaKick"/>.
/// </summary>
/// <param name="Strength">Kick strength κ in atomic units (field × time).</param>
/// <param name="Polarisation">Unit vector e of the kick, (x, y, z).</param>
/// <param name="Base">The density that is kicked; the ground state when null.</param>
public sealed record KickSpec(double Strength, IReadOnlyList<double> Polarisation, InitialConditionSpec? Base = null) : InitialConditionSpec
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "kick";
}

/// <summary>
/// A member (or all) of a seeded random idempotent ensemble around a base density; see
/// <see cref="RandomIdempotentEnsemble"/>.
/// </summary>
/// <param name="Base">The density the noise is added to.</param>
/// <param name="Factor">Noise amplitude relative to the mean absolute entry of the base density.</param>
/// <param name="Seed">Seed of the torch generator that draws the noise (non-negative).</param>
/// <param name="Count">Ensemble size; member i depends on the seed and on the count, so both are recorded.</param>
/// <param name="Member">Zero-based index of one member, or null for the whole ensemble.</param>
public sealed record RandomEnsembleSpec(InitialConditionSpec Base, double Factor, long Seed, int Count, int? Member = null)
    : InitialConditionSpec
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "random";

    /// <summary>The same ensemble, narrowed to member <paramref name="index"/>.</summary>
    public RandomEnsembleSpec ForMember(int index) => this with { Member = index };
}

/// <summary>A density (or a stack of them) read from an npy file or an npz key by <see cref="DensityFile"/>.</summary>
/// <param name="Path">The file as given by the user.</param>
/// <param name="Key">The npz key, or null for an npy file.</param>
/// <param name="Convention">How the file normalises its densities.</param>
/// <param name="TraceChecked">False when the trace check was switched off (reproducing the paper's ensemble).</param>
/// <param name="Member">Zero-based index into a stack, or null for the whole file.</param>
public sealed record FileDensitySpec(string Path, string? Key, DensityConvention Convention, bool TraceChecked = true, int? Member = null)
    : InitialConditionSpec
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "file";

    /// <summary>The same file, narrowed to stack member <paramref name="index"/>.</summary>
    public FileDensitySpec ForMember(int index) => this with { Member = index };
}
