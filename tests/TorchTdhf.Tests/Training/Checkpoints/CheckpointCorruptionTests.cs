using TorchTdhf.Training.Checkpoints;
using static TorchTdhf.Tests.Training.Checkpoints.CheckpointFixtures;

namespace TorchTdhf.Tests.Training.Checkpoints;

public class CheckpointCorruptionTests
{
    /// <summary>A run with checkpoints at iterations 1 (previous) and 2 (latest).</summary>
    private static CheckpointStore TwoCheckpoints(TempFolder folder, TinyModel model)
    {
        var store = new CheckpointStore(folder.File("run"));
        store.Save(Content(model, optimizer: null, Solver(seed: 3), iteration: 1));
        store.Save(Content(model, optimizer: null, Solver(seed: 4), iteration: 2));
        return store;
    }

    private static void FlipByte(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Position = offset;
        var value = stream.ReadByte();
        stream.Position = offset;
        stream.WriteByte((byte)(value ^ 0x40));
    }

    [Fact]
    public void CorruptModelInLatestFallsBackToPreviousAndNamesTheFile()
    {
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        var store = TwoCheckpoints(folder, model);
        var damaged = Path.Combine(store.LatestFolder, CheckpointLayout.Model);
        FlipByte(damaged, new FileInfo(damaged).Length / 2);

        using var loaded = store.LoadLatest();
        Assert.Equal(store.PreviousFolder, loaded.Folder);
        Assert.Equal(1, loaded.Progress.Iteration);
        var warning = Assert.Single(loaded.Warnings);
        Assert.Contains(damaged, warning);
        Assert.Contains("corrupt", warning);
    }

    [Fact]
    public void BothCheckpointsCorruptIsAnInputErrorNamingTheFiles()
    {
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        var store = TwoCheckpoints(folder, model);
        var latest = Path.Combine(store.LatestFolder, CheckpointLayout.Model);
        var previous = Path.Combine(store.PreviousFolder, CheckpointLayout.Solver);
        FlipByte(latest, 100);
        FlipByte(previous, new FileInfo(previous).Length - 30);

        var error = Assert.Throws<TdhfInputException>(() => store.TryLoadLatest());
        Assert.Equal(latest, error.File);
        Assert.Contains(latest, error.Message);
        Assert.Contains(previous, error.Message);
    }

    [Fact]
    public void TruncatedStateJsonIsReportedWithItsPath()
    {
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        var store = new CheckpointStore(folder.File("run"));
        store.Save(Content(model, optimizer: null, solver: null, iteration: 1));
        var state = Path.Combine(store.LatestFolder, CheckpointLayout.State);
        var bytes = File.ReadAllBytes(state);
        File.WriteAllBytes(state, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<TdhfInputException>(() => store.LoadLatest());
        Assert.Equal(state, error.File);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void StateJsonThatMatchesItsDigestButIsNotJsonIsMalformed()
    {
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        var store = new CheckpointStore(folder.File("run"));
        store.Save(Content(model, optimizer: null, solver: null, iteration: 1));
        var state = Path.Combine(store.LatestFolder, CheckpointLayout.State);
        var text = File.ReadAllText(state)[..40];
        File.WriteAllText(state, text);
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(state)));
        File.WriteAllText(Path.Combine(store.LatestFolder, CheckpointLayout.StateDigest), $"{digest}  state.json\n");

        var error = Assert.Throws<TdhfInputException>(() => store.LoadLatest());
        Assert.Equal(state, error.File);
        Assert.Contains("malformed", error.Message);
    }

    [Fact]
    public void MissingLatestAfterAnInterruptedRotationResumesFromPreviousWithAWarning()
    {
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        var store = TwoCheckpoints(folder, model);
        Directory.Delete(store.LatestFolder, recursive: true);

        using var loaded = store.LoadLatest();
        Assert.Equal(1, loaded.Progress.Iteration);
        Assert.Contains("interrupted", Assert.Single(loaded.Warnings));
    }

    [Fact]
    public void SaveAfterAFallbackRetiresTheDamagedCheckpointNotTheGoodOne()
    {
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        var store = TwoCheckpoints(folder, model);
        FlipByte(Path.Combine(store.LatestFolder, CheckpointLayout.Model), 200);
        using (var _ = store.LoadLatest())
        {
        }
        store.Save(Content(model, optimizer: null, solver: null, iteration: 3));

        Directory.Delete(store.LatestFolder, recursive: true);
        using var older = store.LoadLatest();
        Assert.Equal(1, older.Progress.Iteration);
        Assert.DoesNotContain(older.Warnings, w => w.Contains("corrupt"));
    }

    [Fact]
    public void RestoringIntoAModelOfAnotherShapeIsAnInputError()
    {
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        var store = new CheckpointStore(folder.File("run"));
        store.Save(Content(model, optimizer: null, solver: null, iteration: 1));

        using var loaded = store.LoadLatest();
        using var other = TorchSharp.torch.nn.Linear(2, 2, dtype: TorchSharp.torch.float64);
        var error = Assert.Throws<TdhfInputException>(() => loaded.RestoreModel(other));
        Assert.Equal(Path.Combine(store.LatestFolder, CheckpointLayout.Model), error.File);
        var optimizer = TorchSharp.torch.optim.SGD(model.parameters(), 0.1);
        Assert.Throws<TdhfInputException>(() => loaded.RestoreOptimizer(optimizer));
    }

    [Fact]
    public void NativeOptimizersAreRefusedAndLeaveNoPartialCheckpoint()
    {
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        var store = new CheckpointStore(folder.File("run"));
        using var lbfgs = TorchSharp.torch.optim.LBFGS(model.parameters());

        var error = Assert.Throws<ArgumentException>(() => store.Save(Content(model, lbfgs, solver: null, iteration: 1)));
        Assert.Contains("LBFGS", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(store.RunFolder));
    }
}
