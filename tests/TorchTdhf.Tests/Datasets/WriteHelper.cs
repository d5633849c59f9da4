using TorchSharp;
using TorchTdhf.Datasets;

namespace TorchTdhf.Tests.Datasets;

/// <summary>Feeds an analytic batch to a writer, as a propagator would.</summary>
internal static class WriteHelper
{
    /// <summary>Appends steps 0..Steps of <paramref name="trajectory"/> with field sin(t) and completes.</summary>
    public static IReadOnlyList<TrajectoryMetadata> WriteAll(DatasetFolder dataset, IReadOnlyList<TrajectoryMember> members, AnalyticTrajectory trajectory)
    {
        var spec = members[0].Spec;
        using var writer = dataset.BeginTrajectories(members);
        for (var s = 0L; s <= spec.Steps; s++)
        {
            using var scope = torch.NewDisposeScope();
            var t = s * spec.Dt;
            writer.Append(trajectory.At(t).narrow(0, 0, members.Count), Math.Sin(t));
        }
        return writer.Complete();
    }
}
