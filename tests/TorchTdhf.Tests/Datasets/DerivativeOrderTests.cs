using TorchSharp;
using TorchTdhf.Datasets;

namespace TorchTdhf.Tests.Datasets;

public class DerivativeOrderTests
{
    [Fact]
    public void StoredDerivativeErrorFallsAsDtToTheFourth()
    {
        using var folder = new TempFolder();
        using var trajectory = new AnalyticTrajectory(n: 4, electrons: 2, batch: 2, seed: 11);
        // Both grids store samples at t = 0, 0.08, ..., 2.0, so the errors compare point by point.
        var coarse = MaxErrors(folder.File("coarse"), trajectory, dt: 0.04, steps: 50, stride: 2);
        var fine = MaxErrors(folder.File("fine"), trajectory, dt: 0.02, steps: 100, stride: 4);
        Assert.InRange(coarse.Interior / fine.Interior, 15.0, 17.0);
        Assert.InRange(coarse.Ends / fine.Ends, 14.5, 17.5);
        Assert.True(coarse.Interior < 1e-4, $"interior error {coarse.Interior}");
    }

    private static (double Interior, double Ends) MaxErrors(string path, AnalyticTrajectory trajectory, double dt, long steps, int stride)
    {
        var dataset = DatasetFolder.Create(path);
        var members = TestSpecs.Members(2, TestSpecs.Spec(dt, steps, stride));
        WriteHelper.WriteAll(dataset, members, trajectory);
        double interior = 0, ends = 0;
        for (var b = 0; b < members.Length; b++)
        {
            using var stored = TrajectoryReader.Read(dataset.TrajectoryFolder(members[b].Id));
            var times = stored.Times.data<double>().ToArray();
            for (var i = 0; i < times.Length; i++)
            {
                using var scope = torch.NewDisposeScope();
                var error = (stored.Derivatives[i] - trajectory.DerivativeAt(times[i])[b]).abs().max().item<double>();
                if (i == 0 || i == times.Length - 1) ends = Math.Max(ends, error);
                else interior = Math.Max(interior, error);
            }
        }
        return (interior, ends);
    }
}
