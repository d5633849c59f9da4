using TorchTdhf.Dynamics;

namespace TorchTdhf.Tests.Dynamics;

public class FieldTests
{
    [Fact]
    public void PaperFieldMatchesTheReferenceOnItsStepGrid()
    {
        using var reference = ReferenceCase.HeHPlus();
        var field = SinusoidalField.Paper();
        Assert.Equal(reference.SwitchOff, field.End, 10);
        for (var step = 0; step <= reference.Steps; step++)
        {
            var e = field.At(step * reference.TimeStep);
            Assert.Equal(reference.FieldOnGrid[step], e.Z, 14);
            Assert.Equal(0, e.X);
            Assert.Equal(0, e.Y);
        }
    }

    [Fact]
    public void SinusoidIsZeroOutsideItsWindowAndNormalisesItsDirection()
    {
        var field = new SinusoidalField(2.0, Math.PI, new CartesianVector(0, 3, 4), start: 1, duration: 0.75);
        Assert.Equal(new CartesianVector(0, 0.6, 0.8), field.Direction);
        Assert.Equal(1.75, field.End, 14);
        Assert.Equal(CartesianVector.Zero, field.At(0.999));
        Assert.Equal(CartesianVector.Zero, field.At(1.76));
        var e = field.At(1.5);
        Assert.Equal(2.0 * 0.6, e.Y, 14);
        Assert.Equal(2.0 * 0.8, e.Z, 14);
        Assert.Equal(2 * 2 * Math.PI / 0.5, new SinusoidalField(1, 0.5, CartesianVector.UnitX, cycles: 2).End, 12);
    }

    [Fact]
    public void KickActsOnlyThroughItsImpulse()
    {
        var kick = new DeltaKick(1e-3, new CartesianVector(0, 0, -2));
        Assert.Equal(new CartesianVector(0, 0, -1e-3), kick.Impulse);
        Assert.Equal(CartesianVector.Zero, kick.At(0));
        Assert.Equal(CartesianVector.Zero, new NoField().Impulse);
        Assert.Equal(CartesianVector.Zero, SinusoidalField.Paper().Impulse);
    }

    public static TheoryData<Field> Specifications => new()
    {
        new NoField(),
        SinusoidalField.Paper(),
        new SinusoidalField(0.01, 0.3, new CartesianVector(1, 1, 0), start: 2.5, duration: 10),
        new DeltaKick(1e-3, CartesianVector.UnitY),
    };

    [Theory]
    [MemberData(nameof(Specifications))]
    public void RoundTripsThroughJson(Field field)
    {
        var json = field.ToJson();
        Assert.Contains("\"kind\":", json);
        Assert.Equal(field, Field.FromJson(json));
    }

    [Fact]
    public void WritesReadableJson()
    {
        Assert.Equal("{\"kind\":\"sin\",\"amplitude\":0.05,\"omega\":0.0428,\"direction\":[0,0,1],\"start\":0,\"cycles\":1}", SinusoidalField.Paper().ToJson());
        Assert.Equal("{\"kind\":\"kick\",\"strength\":0.001,\"direction\":[1,0,0]}", new DeltaKick(1e-3, CartesianVector.UnitX).ToJson());
        Assert.Equal("{\"kind\":\"none\"}", new NoField().ToJson());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("sin:amp=0.05,omega=0.0428,cycles=1,dir=z")]
    [InlineData("SIN: amplitude=0.05, w=0.0428, t0=0, n=1, direction=0;0;5")]
    [InlineData("{\"kind\":\"sin\",\"amplitude\":0.05,\"omega\":0.0428,\"direction\":[0,0,1],\"cycles\":1}")]
    [InlineData("kick:strength=1e-3,dir=-x")]
    public void ParsesCommandLineForms(string text)
    {
        var field = Field.Parse(text);
        var expected = field switch
        {
            NoField => (Field)new NoField(),
            SinusoidalField => SinusoidalField.Paper(),
            _ => new DeltaKick(1e-3, new CartesianVector(-1, 0, 0)),
        };
        Assert.Equal(expected, field);
    }

    [Theory]
    [InlineData("laser:amp=1")]
    [InlineData("sin:amp=0.05,omega=0.0428,dir=z")]
    [InlineData("sin:amp=0.05,omega=0.0428,cycles=1,duration=3,dir=z")]
    [InlineData("sin:amp=0.05,omega=-1,cycles=1,dir=z")]
    [InlineData("sin:amp=0.05,omega=0.0428,cycles=1,dir=w")]
    [InlineData("kick:strength=1e-3,dir=0;0;0")]
    [InlineData("kick:strength=abc,dir=z")]
    [InlineData("kick:strength=1e-3,dir=z,colour=red")]
    [InlineData("none:amp=1")]
    [InlineData("{\"kind\":\"sin\",\"omega\":0.0428,\"direction\":[0,0,1],\"cycles\":1}")]
    [InlineData("{\"kind\":\"laser\"}")]
    [InlineData("{\"kind\":\"kick\",\"strength\":1,\"direction\":[0,1]}")]
    public void RejectsInvalidSpecificationsWithAnInputError(string text) =>
        Assert.ThrowsAny<TdhfInputException>(() => Field.Parse(text));
}
