using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TorchTdhf.Dynamics;

/// <summary>A real 3-vector (x, y, z) in the molecule's Cartesian frame, atomic units; JSON form <c>[x, y, z]</c>.</summary>
/// <param name="X">x component.</param>
/// <param name="Y">y component.</param>
/// <param name="Z">z component.</param>
[JsonConverter(typeof(CartesianVectorJsonConverter))]
public readonly record struct CartesianVector(double X, double Y, double Z)
{
    /// <summary>(0, 0, 0).</summary>
    public static CartesianVector Zero => default;

    /// <summary>(1, 0, 0).</summary>
    public static CartesianVector UnitX => new(1, 0, 0);

    /// <summary>(0, 1, 0).</summary>
    public static CartesianVector UnitY => new(0, 1, 0);

    /// <summary>(0, 0, 1).</summary>
    public static CartesianVector UnitZ => new(0, 0, 1);

    /// <summary>Euclidean length.</summary>
    public double Length => Math.Sqrt(X * X + Y * Y + Z * Z);

    /// <summary>True when all three components are zero.</summary>
    public bool IsZero => X == 0 && Y == 0 && Z == 0;

    /// <summary>The components as an array [x, y, z].</summary>
    public double[] ToArray() => new[] { X, Y, Z };

    /// <summary>This vector scaled to unit length.</summary>
    /// <exception cref="TdhfInputException">The vector is zero or not finite, so it names no direction.</exception>
    public CartesianVector Normalized(string key = "direction")
    {
        var length = Length;
        if (!(length > 0) || !double.IsFinite(length))
            throw new TdhfInputException($"a polarisation direction must be a finite non-zero vector, not {this}", key: key);
        // A vector that is already unit length stays bit-identical, so specifications round-trip through JSON exactly.
        if (Math.Abs(length - 1) <= 1e-15) return this;
        return new CartesianVector(X / length, Y / length, Z / length);
    }

    /// <summary>Scales every component.</summary>
    public static CartesianVector operator *(CartesianVector v, double factor) => new(v.X * factor, v.Y * factor, v.Z * factor);

    /// <summary>Scales every component.</summary>
    public static CartesianVector operator *(double factor, CartesianVector v) => v * factor;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({X:R}, {Y:R}, {Z:R})");
}

/// <summary>Reads and writes <see cref="CartesianVector"/> as a JSON array of three numbers.</summary>
internal sealed class CartesianVectorJsonConverter : JsonConverter<CartesianVector>
{
    /// <inheritdoc />
    public override CartesianVector Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("a vector must be an array [x, y, z]");
        var values = new List<double>(3);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number) throw new JsonException("a vector must hold three numbers");
            values.Add(reader.GetDouble());
        }
        if (values.Count != 3) throw new JsonException($"a vector must hold three numbers, not {values.Count}");
        return new CartesianVector(values[0], values[1], values[2]);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, CartesianVector value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.X);
        writer.WriteNumberValue(value.Y);
        writer.WriteNumberValue(value.Z);
        writer.WriteEndArray();
    }
}
