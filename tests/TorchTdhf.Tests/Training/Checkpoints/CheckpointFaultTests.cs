using TorchTdhf.Training.Checkpoints;
using static TorchSharp.torch;
using static TorchTdhf.Tests.Training.Checkpoints.CheckpointFixtures;

namespace TorchTdhf.Tests.Training.Checkpoints;

/// <summary>A file stream that runs out of space after a shared budget of bytes, as a full disk does.</summary>
internal sealed class FullDiskStream : Stream
{
    private readonly FileStream _inner;
    private readonly long[] _budget;

    public FullDiskStream(string path, long[] budget)
    {
        _inner = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite);
        _budget = budget;
    }

    public override bool CanRead => _inner.CanRead;
    public override bool CanSeek => _inner.CanSeek;
    public override bool CanWrite => _inner.CanWrite;
    public override long Length => _inner.Length;
    public override long Position { get => _inner.Position; set => _inner.Position = value; }
    public override void Flush() => _inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);
    public override void SetLength(long value) => _inner.SetLength(value);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var allowed = (int)Math.Min(buffer.Length, Math.Max(0, _budget[0]));
        _inner.Write(buffer[..allowed]);
        _budget[0] -= buffer.Length;
        if (allowed < buffer.Length) throw new IOException("No space left on device");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}

public class CheckpointFaultTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(150L)]
    [InlineData(700L)]
    [InlineData(1500L)]
    [InlineData(3000L)]
    public void DiskFullWhileSavingLeavesTheOldCheckpointsLoadable(long freeBytes)
    {
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        using var adam = optim.Adam(model.parameters(), lr: 0.05);
        Train(model, adam, steps: 2);
        var healthy = new CheckpointStore(folder.File("run"));
        healthy.Save(Content(model, adam, Solver(seed: 3), iteration: 1));
        healthy.Save(Content(model, adam, Solver(seed: 4), iteration: 2));
        var before = Snapshot(healthy.RunFolder);

        var budget = new[] { freeBytes };
        var full = new CheckpointStore(healthy.RunFolder, path => new FullDiskStream(path, budget));
        var error = Assert.Throws<TdhfInputException>(() => full.Save(Content(model, adam, Solver(seed: 5), iteration: 3)));

        Assert.Contains("No space left on device", error.Message);
        Assert.Contains("intact", error.Message);
        Assert.Equal(before, Snapshot(healthy.RunFolder));
        Assert.Equal(new[] { CheckpointLayout.Latest, CheckpointLayout.Previous }.Order(),
            Directory.GetFileSystemEntries(healthy.RunFolder).Select(Path.GetFileName).Order());
        using var loaded = healthy.LoadLatest();
        Assert.Equal(2, loaded.Progress.Iteration);
        Assert.Empty(loaded.Warnings);
    }

    [Fact]
    public void FaultBudgetsFallInsideOneCheckpoint()
    {
        // Guards the theory above: its budgets must fall inside a checkpoint, not beyond it.
        using var folder = new TempFolder();
        using var model = new TinyModel(seed: 1);
        using var adam = optim.Adam(model.parameters(), lr: 0.05);
        Train(model, adam, steps: 2);
        var store = new CheckpointStore(folder.File("run"));
        store.Save(Content(model, adam, Solver(seed: 3), iteration: 1));
        var total = Directory.GetFiles(store.LatestFolder).Sum(f => new FileInfo(f).Length);
        Assert.True(total > 3000, $"a checkpoint holds {total} bytes");
    }

    /// <summary>Every file under the run folder with its content digest.</summary>
    private static List<string> Snapshot(string runFolder) => Directory
        .GetFiles(runFolder, "*", SearchOption.AllDirectories)
        .Select(f => $"{Path.GetRelativePath(runFolder, f)} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}")
        .Order()
        .ToList();
}
