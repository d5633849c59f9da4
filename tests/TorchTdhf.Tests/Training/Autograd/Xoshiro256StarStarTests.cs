using TorchTdhf.Training.Autograd;

namespace TorchTdhf.Tests.Training.Autograd;

public class Xoshiro256StarStarTests
{
    [Fact]
    public void SplitMix64MatchesItsPublishedOutputs()
    {
        var state = 1234567UL;
        var outputs = Enumerable.Range(0, 5).Select(_ => Xoshiro256StarStar.SplitMix64(ref state)).ToArray();
        Assert.Equal(new[] { 6457827717110365317UL, 3203168211198807973UL, 9817491932198370423UL, 4593380528125082431UL, 16408922859458223821UL }, outputs);
    }

    [Fact]
    public void GeneratorMatchesThePublishedOutputsFromStateOneTwoThreeFour()
    {
        var generator = Xoshiro256StarStar.FromState("xoshiro256**:0000000000000001:0000000000000002:0000000000000003:0000000000000004");
        var outputs = Enumerable.Range(0, 6).Select(_ => generator.NextUInt64()).ToArray();
        Assert.Equal(new[] { 11520UL, 0UL, 1509978240UL, 1215971899390074240UL, 1216172134540287360UL, 607988272756665600UL }, outputs);
    }

    [Fact]
    public void ExportedStateContinuesTheSameStream()
    {
        var generator = new Xoshiro256StarStar(42);
        for (var i = 0; i < 17; i++) generator.NextUInt64();
        var state = generator.ExportState();
        var expected = Enumerable.Range(0, 10).Select(_ => generator.NextUInt64()).ToArray();
        var resumed = Xoshiro256StarStar.FromState(state);
        Assert.Equal(expected, Enumerable.Range(0, 10).Select(_ => resumed.NextUInt64()).ToArray());
        Assert.NotEqual(new Xoshiro256StarStar(43).NextUInt64(), new Xoshiro256StarStar(42).NextUInt64());
    }

    [Theory]
    [InlineData("")]
    [InlineData("xoshiro256**:1:2:3")]
    [InlineData("xoshiro256**:1:2:3:zz")]
    [InlineData("pcg:1:2:3:4")]
    [InlineData("xoshiro256**:0:0:0:0")]
    public void MalformedStatesAreRejected(string state)
    {
        var error = Assert.Throws<TdhfInputException>(() => Xoshiro256StarStar.FromState(state));
        Assert.Equal("rngState", error.Key);
    }

    [Fact]
    public void BoundedDrawsAreUniformAndInRange()
    {
        var generator = new Xoshiro256StarStar(7);
        var counts = new int[3];
        for (var i = 0; i < 30_000; i++) counts[generator.NextBelow(3)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
        var permutation = generator.Permutation(50);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), permutation.OrderBy(i => i));
        Assert.NotEqual(Enumerable.Range(0, 50).Select(i => (long)i), permutation);
    }
}
