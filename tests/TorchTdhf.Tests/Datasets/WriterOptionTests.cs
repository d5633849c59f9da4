using TorchTdhf.Datasets;

namespace TorchTdhf.Tests.Datasets;

public class WriterOptionTests
{
    [Theory]
    [InlineData(0.0, 20L, 2, "dt")]
    [InlineData(-0.1, 20L, 2, "dt")]
    [InlineData(double.NaN, 20L, 2, "dt")]
    [InlineData(double.PositiveInfinity, 20L, 2, "dt")]
    [InlineData(0.05, 0L, 1, "steps")]
    [InlineData(0.05, -8L, 1, "steps")]
    [InlineData(0.05, 20L, 0, "stride")]
    [InlineData(0.05, 20L, -2, "stride")]
    [InlineData(0.05, 20L, 3, "stride")]
    [InlineData(0.05, 2L, 1, "steps")]
    public void RejectsBadGridsNamingTheOption(double dt, long steps, int stride, string key)
    {
        using var folder = new TempFolder();
        var dataset = DatasetFolder.Create(folder.Path);
        var members = TestSpecs.Members(1, TestSpecs.Spec(dt, steps, stride));
        var error = Assert.Throws<TdhfInputException>(() => dataset.BeginTrajectories(members));
        Assert.Equal(key, error.Key);
        Assert.StartsWith($"[{key}]: ", error.Message);
    }

    [Fact]
    public void RejectsABatchWhoseMembersDisagreeOnTheGrid()
    {
        using var folder = new TempFolder();
        var dataset = DatasetFolder.Create(folder.Path);
        var members = TestSpecs.Members(2, TestSpecs.Spec());
        members[1] = members[1] with { Spec = members[1].Spec with { Dt = 0.01 } };
        Assert.Equal("dt", Assert.Throws<TdhfInputException>(() => dataset.BeginTrajectories(members)).Key);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("")]
    [InlineData("manifest.json")]
    public void RejectsIdsThatAreNotPlainFileNames(string id)
    {
        using var folder = new TempFolder();
        var dataset = DatasetFolder.Create(folder.Path);
        var member = new TrajectoryMember(id, "train", TestSpecs.Spec());
        Assert.Equal("id", Assert.Throws<TdhfInputException>(() => dataset.BeginTrajectories(new[] { member })).Key);
    }

    [Fact]
    public void RejectsANormBoundThatEveryDensityWouldBreak()
    {
        using var folder = new TempFolder();
        var dataset = DatasetFolder.Create(folder.Path);
        var options = new TrajectoryWriterOptions { NormBoundFactor = 0.5 };
        var error = Assert.Throws<TdhfInputException>(() => dataset.BeginTrajectories(TestSpecs.Members(1, TestSpecs.Spec()), options));
        Assert.Equal("normBoundFactor", error.Key);
    }
}
