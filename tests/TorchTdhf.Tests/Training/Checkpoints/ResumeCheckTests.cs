using TorchTdhf.Models;
using TorchTdhf.Training.Checkpoints;
using static TorchTdhf.Tests.Training.Checkpoints.CheckpointFixtures;

namespace TorchTdhf.Tests.Training.Checkpoints;

public class ResumeCheckTests
{
    private static TdhfInputException Mismatch(ModelKind kind = ModelKind.Herm, int n = 4, long count = 16, string fingerprint = Fingerprint)
    {
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        var store = new CheckpointStore(folder.File("run"));
        store.Save(Content(model, optimizer: null, solver: null, iteration: 5));
        using var loaded = store.LoadLatest();
        var error = Assert.Throws<TdhfInputException>(() => loaded.CheckResumable(kind, n, count, fingerprint));
        Assert.Equal(Path.Combine(store.LatestFolder, CheckpointLayout.State), error.File);
        return error;
    }

    [Fact]
    public void MatchingInputsAreResumable()
    {
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        var store = new CheckpointStore(folder.File("run"));
        store.Save(Content(model, optimizer: null, solver: null, iteration: 5));
        using var loaded = store.LoadLatest();
        loaded.CheckResumable(ModelKind.Herm, 4, 16, Fingerprint);
    }

    [Fact]
    public void ModelKindMismatchNamesBothKinds() =>
        Assert.EndsWith("cannot resume: checkpoint holds a herm model but --model gives symm", Mismatch(kind: ModelKind.Symm).Message);

    [Fact]
    public void BasisSizeMismatchNamesBothSizes() =>
        Assert.EndsWith("cannot resume: checkpoint was trained with basis size N = 4 but --data gives N = 7", Mismatch(n: 7).Message);

    [Fact]
    public void ParameterCountMismatchNamesBothCounts() =>
        Assert.EndsWith("cannot resume: checkpoint's model has 16 parameters but the model built now has 20", Mismatch(count: 20).Message);

    [Fact]
    public void DataMismatchShowsShortFingerprints() =>
        Assert.EndsWith("cannot resume: checkpoint was trained on data 3f2a9c0d… but --data gives 9b1c4e7f…", Mismatch(fingerprint: "9b1c4e7f00112233").Message);

    [Fact]
    public void FingerprintsWithALongCommonPrefixAreCutWhereTheyDiffer()
    {
        var (first, second) = ResumeCheck.Distinguish("3f2a9c0d5e6b7a8190ab", "3f2a9c0d5e6bffff");
        Assert.Equal("3f2a9c0d5e6b7…", first);
        Assert.Equal("3f2a9c0d5e6bf…", second);
    }

    [Fact]
    public void EveryDifferenceIsListed()
    {
        var message = Mismatch(ModelKind.Tied, 5, 17, "ffff").Message;
        Assert.Contains("tied", message);
        Assert.Contains("N = 5", message);
        Assert.Contains("the model built now has 17", message);
        Assert.Contains("but --data gives ffff", message);
    }
}
