using TorchSharp;
using TorchTdhf.Numerics;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Numerics;

public class WeightedGatherTests
{
    private static readonly int[] First = { 4, 0, 2, 2, 5 };
    private static readonly double[] FirstWeight = { 1.0, -0.5, 2.0, 0.0, 3.0 };
    private static readonly int[] Second = { 1, 1, 3, 5, 0 };
    private static readonly double[] SecondWeight = { 0.25, 1.0, -1.0, 7.0, 0.5 };

    // The same map written with torch gathers.
    private static Tensor Reference(Tensor rows, int[] index, double[] weight, int[]? second, double[]? secondWeight, double scale)
    {
        var batch = rows.shape[0];
        Tensor Take(int[] i, double[] w) => rows.gather(1, torch.tensor(i.Select(k => (long)k).ToArray()).unsqueeze(0).expand(batch, i.Length)) * torch.tensor(w).unsqueeze(0) * scale;
        return second is null ? Take(index, weight) : Take(index, weight) + Take(second, secondWeight!);
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(7, -2.5)]
    [InlineData(1000, 0.5)]
    public void OneAndTwoSourceMapsMatchTorchGathers(int batch, double scale)
    {
        using var scope = torch.NewDisposeScope();
        var rows = torch.randn(new long[] { batch, 6 }, ScalarType.Float64, generator: new torch.Generator(1));
        var single = new WeightedGather(6, First, FirstWeight);
        var pair = new WeightedGather(6, First, FirstWeight, Second, SecondWeight);
        Assert.True((single.Apply(rows, scale) - Reference(rows, First, FirstWeight, null, null, scale)).abs().max().item<double>() < 1e-14);
        Assert.True((pair.Apply(rows, scale) - Reference(rows, First, FirstWeight, Second, SecondWeight, scale)).abs().max().item<double>() < 1e-14);
    }

    [Fact]
    public void ReadsComplexRowsAsInterleavedRealsAndWritesIntoARowRange()
    {
        using var scope = torch.NewDisposeScope();
        var complex = torch.randn(new long[] { 5, 1, 3 }, ScalarType.ComplexFloat64, generator: new torch.Generator(2));
        var map = new WeightedGather(6, First, FirstWeight, Second, SecondWeight);
        var output = torch.full(9, 5, 42.0, ScalarType.Float64);
        map.Apply(complex, output.narrow(0, 2, 5));
        var expected = Reference(torch.view_as_real(complex).reshape(5, 6), First, FirstWeight, Second, SecondWeight, 1.0);
        Assert.True((output.narrow(0, 2, 5) - expected).abs().max().item<double>() < 1e-14);
        Assert.True(output.narrow(0, 0, 2).eq(42.0).all().item<bool>() && output.narrow(0, 7, 2).eq(42.0).all().item<bool>(), "rows outside the range must stay untouched");
    }

    [Fact]
    public void RefusesBadMapsAndBadTensors()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Throws<ArgumentException>(() => new WeightedGather(6, First, FirstWeight.Take(4).ToArray()));
        Assert.Throws<ArgumentException>(() => new WeightedGather(5, First, FirstWeight));
        Assert.Throws<ArgumentException>(() => new WeightedGather(6, First, FirstWeight, Second, null));
        var map = new WeightedGather(6, First, FirstWeight);
        Assert.Throws<ArgumentException>(() => map.Apply(torch.zeros(3, 7, ScalarType.Float64)));
        Assert.Throws<ArgumentException>(() => map.Apply(torch.zeros(3, 6, ScalarType.Float32)));
        Assert.Throws<ArgumentException>(() => map.Apply(torch.zeros(6, 3, ScalarType.Float64).mT));
        Assert.Throws<ArgumentException>(() => map.Apply(torch.zeros(3, 6, ScalarType.Float64), torch.zeros(2, 5, ScalarType.Float64)));
    }
}
