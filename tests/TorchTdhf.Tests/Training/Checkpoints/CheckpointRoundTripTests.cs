using TorchTdhf.Training.Checkpoints;
using static TorchSharp.torch;
using static TorchTdhf.Tests.Training.Checkpoints.CheckpointFixtures;

namespace TorchTdhf.Tests.Training.Checkpoints;

public class CheckpointRoundTripTests
{
    [Fact]
    public void ResumedTrainingContinuesBitForBit()
    {
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.File("run"));
        using var model = new TinyModel(seed: 1);
        using var adam = optim.Adam(model.parameters(), lr: 0.05);
        Train(model, adam, steps: 3);
        using var solver = Solver(seed: 7);
        store.Save(Content(model, adam, solver, iteration: 3));

        using var resumedModel = new TinyModel(seed: 2);
        using var resumedAdam = optim.Adam(resumedModel.parameters(), lr: 0.05);
        Train(resumedModel, resumedAdam, steps: 1);
        using var loaded = store.LoadLatest();
        Assert.Empty(loaded.Warnings);
        Assert.Equal(store.LatestFolder, loaded.Folder);
        loaded.RestoreModel(resumedModel);
        loaded.RestoreOptimizer(resumedAdam);

        AssertSameParameters(model, resumedModel);
        Assert.Equal(OptimizerBytes(adam), OptimizerBytes(resumedAdam));
        Train(model, adam, steps: 2);
        Train(resumedModel, resumedAdam, steps: 2);
        AssertSameParameters(model, resumedModel);
    }

    [Fact]
    public void SolverStateAndProgressRoundTripExactly()
    {
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.File("run"));
        using var model = new TinyModel(seed: 1);
        using var solver = Solver(seed: 7);
        var saved = Progress(iteration: 12);
        store.Save(Content(model, optimizer: null, solver, iteration: 12) with { Progress = saved });

        using var loaded = store.LoadLatest();
        Assert.False(loaded.HasOptimizerState);
        Assert.Equal(solver.Tensors.Keys.Order(), loaded.Solver.Tensors.Keys.Order());
        foreach (var (name, tensor) in solver.Tensors)
        {
            Assert.Equal(tensor.dtype, loaded.Solver.Tensors[name].dtype);
            Assert.Equal(tensor.shape, loaded.Solver.Tensors[name].shape);
            Assert.Equal(Bytes(tensor), Bytes(loaded.Solver.Tensors[name]));
        }
        Assert.Equal(solver.Reals.Keys.Order(), loaded.Solver.Reals.Keys.Order());
        foreach (var (name, value) in solver.Reals)
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(loaded.Solver.Reals[name]));
        Assert.Equal(solver.Integers.OrderBy(p => p.Key), loaded.Solver.Integers.OrderBy(p => p.Key));

        var progress = loaded.Progress;
        Assert.Equal(saved.LossHistory.Select(BitConverter.DoubleToInt64Bits), progress.LossHistory.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(saved.RngState, progress.RngState);
        Assert.Equal(saved.Configuration.ToJsonString(), progress.Configuration.ToJsonString());
        Assert.Equal(saved with { LossHistory = progress.LossHistory, Configuration = progress.Configuration }, progress);
        Assert.Equal(CheckpointState.CurrentFormatVersion, loaded.State.FormatVersion);
        Assert.False(string.IsNullOrEmpty(loaded.State.ProgramVersion));
        Assert.InRange(loaded.State.SavedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public void SavesRotateLatestIntoPreviousAndLeaveNothingElse()
    {
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.File("run"));
        using var model = new TinyModel(seed: 1);
        Assert.Null(store.TryLoadLatest());
        for (var iteration = 1; iteration <= 3; iteration++)
            store.Save(Content(model, optimizer: null, solver: null, iteration));

        Assert.Equal(new[] { CheckpointLayout.Latest, CheckpointLayout.Previous }.Order(),
            Directory.GetFileSystemEntries(store.RunFolder).Select(Path.GetFileName).Order());
        Assert.Equal(3, Iteration(store.LatestFolder));
        Assert.Equal(2, Iteration(store.PreviousFolder));
        Assert.Equal(new[] { CheckpointLayout.Model, CheckpointLayout.State, CheckpointLayout.StateDigest }.Order(),
            Directory.GetFiles(store.LatestFolder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void StateDigestFileHasTheFormatOfSha256sum()
    {
        using var folder = new TempFolder();
        var store = new CheckpointStore(folder.File("run"));
        using var model = new TinyModel(seed: 1);
        store.Save(Content(model, optimizer: null, solver: null, iteration: 1));

        var line = File.ReadAllText(Path.Combine(store.LatestFolder, CheckpointLayout.StateDigest));
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            File.ReadAllBytes(Path.Combine(store.LatestFolder, CheckpointLayout.State))));
        Assert.Equal($"{expected}  {CheckpointLayout.State}\n", line);
    }

    private static long Iteration(string checkpointFolder)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(checkpointFolder, CheckpointLayout.State)))!;
        return json["progress"]!["iteration"]!.GetValue<long>();
    }
}
