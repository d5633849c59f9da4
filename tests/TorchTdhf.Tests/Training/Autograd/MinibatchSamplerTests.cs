using TorchTdhf.Training.Autograd;

namespace TorchTdhf.Tests.Training.Autograd;

public class MinibatchSamplerTests
{
    [Fact]
    public void EachEpochVisitsEveryItemOnceInANewOrder()
    {
        var sampler = new MinibatchSampler(10, 4, seed: 5);
        Assert.Equal(3, sampler.BatchesPerEpoch);
        var first = Enumerable.Range(0, 3).Select(_ => sampler.Next()).ToArray();
        var second = Enumerable.Range(0, 3).Select(_ => sampler.Next()).ToArray();
        Assert.Equal(new[] { 4, 4, 2 }, first.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), first.SelectMany(b => b).OrderBy(i => i));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), second.SelectMany(b => b).OrderBy(i => i));
        Assert.NotEqual(first.SelectMany(b => b), second.SelectMany(b => b));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void RestoredSamplerContinuesIdentically(int drawnBefore)
    {
        var original = new MinibatchSampler(10, 4, seed: 9);
        for (var i = 0; i < drawnBefore; i++) original.Next();
        var state = original.ExportState();
        var expected = Enumerable.Range(0, 7).SelectMany(_ => original.Next()).ToArray();
        var resumed = new MinibatchSampler(10, 4, seed: 1);
        resumed.Restore(state);
        Assert.Equal(expected, Enumerable.Range(0, 7).SelectMany(_ => resumed.Next()).ToArray());
    }

    [Fact]
    public void FullBatchesAreAllItemsInOrder()
    {
        var sampler = new MinibatchSampler(5, 8, seed: 1);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, sampler.Next());
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, sampler.Next());
        Assert.Equal(1, sampler.BatchesPerEpoch);
    }

    [Fact]
    public void PositionOutsideTheEpochIsRejected()
    {
        var sampler = new MinibatchSampler(5, 2, seed: 1);
        var error = Assert.Throws<TdhfInputException>(() => sampler.Restore(new MinibatchSamplerState(new Xoshiro256StarStar(1).ExportState(), 5)));
        Assert.Equal("samplerPosition", error.Key);
    }
}
