using System.Diagnostics;
using System.Text.Json;
using TorchTdhf.Models;
using TorchTdhf.Tests.Training.Runs;
using TorchTdhf.Training.Checkpoints;
using Xunit.Abstractions;

namespace TorchTdhf.Tests.Cli;

/// <summary>
/// Issue 4's acceptance check: a <c>tdhf train</c> process killed with SIGKILL after a checkpoint and resumed with
/// <c>--resume</c> ends with the parameters and loss history of an uninterrupted run, bit for bit. Both runs are real
/// child processes on the same thread count, so nothing survives the kill but what is on disk.
/// </summary>
[Trait("Category", "Long")]
public sealed class TrainKillResumeTests(TinyDataset data, ITestOutputHelper output) : IClassFixture<TinyDataset>
{
    private const int Threads = 1;
    private const int SigkillExitCode = 128 + 9;
    private static readonly TimeSpan ProcessLimit = TimeSpan.FromMinutes(2);

    // The victim is killed killDelayMs after its first checkpoint appears, so the kill lands at an arbitrary point of a
    // later iteration or save rather than right after the first one; the runs last seconds, far longer than that.
    [Theory]
    [InlineData("adam", "--model symm --iterations 3000 --lr 1e-2 --batch-size 16 --seed 3 --checkpoint-every 100", 300)]
    // Without reorthogonalisation LSMR keeps iterating into its rounding-dominated regime (zero tolerances), where any
    // difference in the resumed state would be amplified rather than damped.
    [InlineData("lsmr", "--model tied --iterations 2000 --atol 0 --btol 0 --conlim 0 --reorth-memory 0 --checkpoint-every 100", 300)]
    // Reorthogonalised (the default), LSMR ends at the minimum after about rank(K) = 105 iterations, so the resumed run
    // must bring back the kept vectors; one-sample chunks slow the iterations down enough to be killed among them.
    [InlineData("lsmr", "--model tied --iterations 2000 --chunk 1 --checkpoint-every 10", 0)]
    public void SigkilledRunResumesToTheUninterruptedParameters(string solver, string options, int killDelayMs)
    {
        var args = new[] { "train", "--data", data.Folder, "--solver", solver }.Concat(options.Split(' ')).ToArray();
        var whole = data.NewRunFolder();
        var killed = data.NewRunFolder();
        var clock = Stopwatch.StartNew();

        RunToEnd(args, whole);
        var reference = Summary(whole);
        output.WriteLine($"uninterrupted: {reference.Status} after {reference.Iterations} iterations ({clock.Elapsed.TotalSeconds:F1} s)");

        var killedAt = RunAndKillAfterFirstCheckpoint(args, killed, TimeSpan.FromMilliseconds(killDelayMs));
        output.WriteLine($"killed with the newest checkpoint at iteration {killedAt} ({clock.Elapsed.TotalSeconds:F1} s)");
        Assert.InRange(killedAt, 1, reference.Iterations - 1);

        RunToEnd(args.Append("--resume"), killed);
        var resumed = Summary(killed);
        output.WriteLine($"resumed: {resumed.Status} after {resumed.Iterations} iterations from {resumed.ResumedFrom} ({clock.Elapsed.TotalSeconds:F1} s)");
        Assert.Equal(killedAt, resumed.ResumedFrom);
        Assert.Equal(reference.Status, resumed.Status);
        Assert.Equal(reference.Iterations, resumed.Iterations);

        var (expectedTheta, expectedHistory) = Final(whole);
        var (actualTheta, actualHistory) = Final(killed);
        Assert.Equal(reference.Iterations, expectedHistory.Length);
        Assert.Equal(Bits(expectedTheta), Bits(actualTheta));
        Assert.Equal(Bits(expectedHistory), Bits(actualHistory));
    }

    private void RunToEnd(IEnumerable<string> args, string runFolder)
    {
        using var run = TdhfProcess.Run(Threads, args.Concat(new[] { "--out", runFolder }), ProcessLimit);
        Assert.True(run.ExitCode == 0, $"tdhf exited with {run.ExitCode}:\n{run.Log}");
    }

    // Returns the iteration of the checkpoint a resume will start from.
    private long RunAndKillAfterFirstCheckpoint(string[] args, string runFolder, TimeSpan killDelay)
    {
        using var victim = TdhfProcess.Start(Threads, args.Concat(new[] { "--out", runFolder }));
        var firstCheckpoint = Path.Combine(runFolder, CheckpointLayout.Latest, CheckpointLayout.State);
        var waited = Stopwatch.StartNew();
        while (!File.Exists(firstCheckpoint) && !victim.HasExited)
        {
            if (waited.Elapsed > ProcessLimit) throw new TimeoutException($"no checkpoint appeared within {ProcessLimit.TotalSeconds} s:\n{victim.Log}");
            Thread.Sleep(5);
        }
        if (!victim.HasExited) Thread.Sleep(killDelay);
        victim.Kill();

        // A run that ended on its own (killing an exited process does nothing) proves nothing, so the test fails.
        Assert.True(victim.ExitCode == SigkillExitCode,
            $"tdhf was not killed by SIGKILL but exited with {victim.ExitCode}; a run that ends before the kill needs more iterations:\n{victim.Log}");
        Assert.False(File.Exists(Path.Combine(runFolder, "summary.json")), "the killed run had written its summary: it finished before the kill and needs more iterations");
        using var checkpoint = new CheckpointStore(runFolder).LoadLatest();
        foreach (var warning in checkpoint.Warnings) output.WriteLine($"loading the killed run's checkpoint: {warning}");
        return checkpoint.Progress.Iteration;
    }

    private static RunSummary Summary(string runFolder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(runFolder, "summary.json")));
        var root = json.RootElement;
        return new RunSummary(root.GetProperty("status").GetString()!, root.GetProperty("iterations").GetInt64(), root.GetProperty("resumed_from").GetInt64());
    }

    // The parameters and loss history of the run's newest checkpoint, read through the library.
    private static (double[] Theta, double[] History) Final(string runFolder)
    {
        using var checkpoint = new CheckpointStore(runFolder).LoadLatest();
        var progress = checkpoint.Progress;
        using var model = ModelFactory.Create(progress.ModelKind, progress.BasisSize);
        checkpoint.RestoreModel(model.Module);
        using var theta = model.GetParameters();
        return (theta.data<double>().ToArray(), progress.LossHistory.ToArray());
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    private sealed record RunSummary(string Status, long Iterations, long ResumedFrom);
}
