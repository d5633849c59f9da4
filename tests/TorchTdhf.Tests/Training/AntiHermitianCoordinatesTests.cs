using TorchSharp;
using TorchTdhf.Training;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training;

public class AntiHermitianCoordinatesTests
{
    private static Tensor RandomComplex(long batch, int n, int seed)
    {
        var g = new torch.Generator((ulong)seed);
        return torch.complex(torch.randn(new[] { batch, n, n }, ScalarType.Float64, generator: g), torch.randn(new[] { batch, n, n }, ScalarType.Float64, generator: g));
    }

    private static double MaxAbs(Tensor t) => (t.is_complex() ? torch.view_as_real(t) : t).abs().max().item<double>();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void MatricesAreExactlyAntiHermitianAndCoordinatesInvertThem(int n)
    {
        using var scope = torch.NewDisposeScope();
        using var space = new AntiHermitianCoordinates(n);
        var w = torch.randn(new long[] { 5, n * n }, ScalarType.Float64, generator: new torch.Generator(1));
        var x = space.Matrices(w);
        Assert.Equal(new long[] { 5, n, n }, x.shape);
        Assert.Equal(0.0, MaxAbs(x + x.mH));
        Assert.True(MaxAbs(space.Coordinates(x) - w) < 1e-15);
        Assert.True(MaxAbs(space.Matrices(w, scale: 2.0) - 2 * x) == 0.0);
    }

    [Fact]
    public void NormIsTheFrobeniusNormAndTheMapsAreAdjoint()
    {
        using var scope = torch.NewDisposeScope();
        const int n = 6;
        using var space = new AntiHermitianCoordinates(n);
        var y = RandomComplex(4, n, seed: 2);
        var antiHermitian = (y - y.mH) * 0.5;
        var coordinates = space.Coordinates(y);
        Assert.Equal(torch.view_as_real(antiHermitian).square().sum().item<double>(), coordinates.square().sum().item<double>(), 1e-12);
        Assert.True(MaxAbs(space.Matrices(coordinates) - antiHermitian) < 1e-15);

        var w = torch.randn(new long[] { 4, n * n }, ScalarType.Float64, generator: new torch.Generator(3));
        var left = (coordinates * w).sum().item<double>();
        var right = torch.real(y.conj() * space.Matrices(w)).sum().item<double>();
        Assert.Equal(left, right, 1e-12);
        Assert.True(MaxAbs(space.Coordinates(y, scale: 2.0) - 2 * coordinates) < 1e-15);
    }

    [Fact]
    public void HermitianMatricesHaveZeroCoordinates()
    {
        using var scope = torch.NewDisposeScope();
        using var space = new AntiHermitianCoordinates(5);
        var y = RandomComplex(3, 5, seed: 4);
        // Zero up to the rounding of a fused multiply-add.
        Assert.True(MaxAbs(space.Coordinates(y + y.mH)) < 1e-15);
    }

    [Fact]
    public void RejectsWrongShapes()
    {
        using var scope = torch.NewDisposeScope();
        using var space = new AntiHermitianCoordinates(3);
        Assert.Throws<ArgumentException>(() => space.Coordinates(RandomComplex(2, 4, seed: 5)));
        Assert.Throws<ArgumentException>(() => space.Coordinates(torch.zeros(2, 3, 3, ScalarType.Float64)));
        Assert.Throws<ArgumentException>(() => space.Matrices(torch.zeros(2, 8, ScalarType.Float64)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AntiHermitianCoordinates(0));
    }
}
