using TorchSharp;
using TorchTdhf.Datasets;
using TorchTdhf.Tests.Dynamics.InitialConditions;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Datasets;

public class BlowUpTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(1e3)]
    public void ABlowUpKeepsTheValidSamplesMarkedIncomplete(double badValue)
    {
        using var folder = new TempFolder();
        using var trajectory = new AnalyticTrajectory(n: 4, electrons: 2, batch: 2, seed: 9);
        var dataset = DatasetFolder.Create(folder.Path);
        var spec = TestSpecs.Spec(dt: 0.05, steps: 20, stride: 1);
        var members = TestSpecs.Members(2, spec);

        var writer = dataset.BeginTrajectories(members);
        using (writer)
        {
            for (var s = 0; s < 9; s++)
            {
                using var scope = torch.NewDisposeScope();
                writer.Append(trajectory.At(s * spec.Dt), 0.0);
            }
            using var bad = trajectory.At(9 * spec.Dt);
            bad[1, 0, 0].fill_(badValue);
            var error = Assert.Throws<TrajectoryBlowUpException>(() => writer.Append(bad, 0.0));
            Assert.Equal(9, error.Step);
            Assert.Equal(9 * spec.Dt, error.Time);
            Assert.Equal("ensemble-0001", error.MemberId);
            Assert.Contains("step 9 (t = 0.45 a.u.)", error.Message);
            Assert.Contains("the 7 samples before it are kept", error.Message);
            Assert.Throws<InvalidOperationException>(() => writer.Append(bad, 0.0));
        }

        var reopened = DatasetFolder.Open(folder.Path);
        for (var b = 0; b < 2; b++)
        {
            Assert.False(reopened.IsComplete(members[b].Id, members[b].Spec.Hash()));
            Assert.False(reopened.Manifest.Trajectories[b].Completed);
            using var stored = TrajectoryReader.Read(dataset.TrajectoryFolder(members[b].Id));
            Assert.False(stored.Metadata.Completed);
            Assert.Contains("step 9", stored.Metadata.StopReason);
            // Fine steps 0..8 were good; samples up to step 6 have the two neighbours the central formula needs.
            Assert.Equal(7, stored.SampleCount);
            using var scope = torch.NewDisposeScope();
            Assert.Equal(TestDensities.Bytes(trajectory.At(6 * spec.Dt)[b]), TestDensities.Bytes(stored.Densities[6]));
            Assert.True(stored.Derivatives.isfinite().all().item<bool>());
        }
        Assert.Throws<TdhfInputException>(() => Dataset.Load(folder.Path));
        using var incomplete = Dataset.Load(folder.Path, includeIncomplete: true);
        Assert.Equal(2, incomplete.Trajectories.Count);
    }
}
