using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Models;

public class EightFoldPackingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    public void CountIsTheNumberOfOrbitsOfTheEightPermutations(int n)
    {
        var orbits = new HashSet<(int, int, int, int)>();
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        for (var k = 0; k < n; k++)
        for (var l = 0; l < n; l++)
            orbits.Add(Representative(i, j, k, l));
        Assert.Equal((long)n * (n + 1) * (n * n + n + 2) / 8, EightFoldPacking.Count(n));
        Assert.Equal(orbits.Count, EightFoldPacking.Count(n));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    public void UniqueIndicesFollowTheDocumentedCanonicalOrder(int n)
    {
        using var scope = torch.NewDisposeScope();
        var positions = EightFoldPacking.CanonicalPositions(n).data<long>().ToArray();
        var expected = 0L;
        for (var i = 0; i < n; i++)
        for (var j = 0; j <= i; j++)
        for (var k = 0; k <= i; k++)
        for (var l = 0; l <= k; l++)
        {
            if (i * (i + 1) / 2 + j < k * (k + 1) / 2 + l) continue;
            Assert.Equal(expected, EightFoldPacking.UniqueIndex(i, j, k, l));
            Assert.Equal(((long)(i * n + j) * n + k) * n + l, positions[expected]);
            expected++;
        }
        Assert.Equal(EightFoldPacking.Count(n), expected);
        var expansion = EightFoldPacking.ExpansionIndex(n).data<long>().ToArray();
        for (var u = 0L; u < expected; u++) Assert.Equal(u, expansion[positions[u]]);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    public void ExpandingThePackedEntriesOfASymmetricTensorReturnsItExactly(int n)
    {
        using var scope = torch.NewDisposeScope();
        var values = new double[n * n * n * n];
        var position = 0;
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        for (var k = 0; k < n; k++)
        for (var l = 0; l < n; l++)
        {
            var (a, b, c, d) = Representative(i, j, k, l);
            values[position++] = Math.Sin(1 + 3.1 * a + 1.7 * b + 0.37 * c + 0.11 * d);
        }
        var symmetric = torch.tensor(values, new long[] { n, n, n, n }, ScalarType.Float64);
        var packed = EightFoldPacking.Pack(symmetric);
        Assert.Equal(new[] { EightFoldPacking.Count(n) }, packed.shape);
        Assert.True(Identical(EightFoldPacking.Expand(packed, n), symmetric));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(11)]
    public void ExpandedRandomEntriesHaveAllEightSymmetriesExactly(int n)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator((ulong)(100 + n));
        var packed = torch.randn(new[] { EightFoldPacking.Count(n) }, ScalarType.Float64, generator: generator);
        var full = EightFoldPacking.Expand(packed, n);
        var permutations = new[]
        {
            new long[] { 1, 0, 2, 3 }, new long[] { 0, 1, 3, 2 }, new long[] { 1, 0, 3, 2 }, new long[] { 2, 3, 0, 1 },
            new long[] { 3, 2, 0, 1 }, new long[] { 2, 3, 1, 0 }, new long[] { 3, 2, 1, 0 },
        };
        foreach (var permutation in permutations)
            Assert.True(Identical(full.permute(permutation), full), $"not symmetric under ({string.Join(", ", permutation)})");
        Assert.True(Identical(EightFoldPacking.Pack(full), packed));
    }

    [Fact]
    public void GradientsOfTheExpansionSumOverEachOrbit()
    {
        using var scope = torch.NewDisposeScope();
        const int n = 3;
        var packed = torch.zeros(EightFoldPacking.Count(n), ScalarType.Float64).requires_grad_(true);
        EightFoldPacking.Expand(packed, n).sum().backward();
        var orbitSizes = new Dictionary<long, double>();
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        for (var k = 0; k < n; k++)
        for (var l = 0; l < n; l++)
        {
            var u = EightFoldPacking.UniqueIndex(i, j, k, l);
            orbitSizes[u] = orbitSizes.GetValueOrDefault(u) + 1;
        }
        var gradient = packed.grad!.data<double>().ToArray();
        for (var u = 0; u < gradient.Length; u++) Assert.Equal(orbitSizes[u], gradient[u]);
    }

    [Fact]
    public void RejectsTensorsOfTheWrongShapeOrType()
    {
        using var single = torch.zeros(new long[] { 2, 2, 2, 2 }, ScalarType.Float32);
        using var notSquare = torch.zeros(new long[] { 2, 2, 2, 3 }, ScalarType.Float64);
        using var wrongLength = torch.zeros(5, ScalarType.Float64);
        Assert.Equal("tensor", Assert.Throws<ArgumentException>(() => EightFoldPacking.Pack(single)).ParamName);
        Assert.Equal("tensor", Assert.Throws<ArgumentException>(() => EightFoldPacking.Pack(notSquare)).ParamName);
        Assert.Equal("packed", Assert.Throws<ArgumentException>(() => EightFoldPacking.Expand(wrongLength, 2)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => EightFoldPacking.Count(0));
    }

    /// <summary>Same shape and bit-identical elements.</summary>
    internal static bool Identical(Tensor actual, Tensor expected) =>
        actual.shape.SequenceEqual(expected.shape) && actual.dtype == expected.dtype && actual.eq(expected).all().item<bool>();

    /// <summary>The orbit's representative, computed without the packing's compound indices.</summary>
    private static (int, int, int, int) Representative(int i, int j, int k, int l)
    {
        var first = (Math.Max(i, j), Math.Min(i, j));
        var second = (Math.Max(k, l), Math.Min(k, l));
        return first.CompareTo(second) >= 0 ? (first.Item1, first.Item2, second.Item1, second.Item2) : (second.Item1, second.Item2, first.Item1, first.Item2);
    }
}
