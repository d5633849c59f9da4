using TorchSharp;
using TorchTdhf.Datasets;

namespace TorchTdhf.Tests.Datasets;

public class DatasetFolderTests
{
    [Fact]
    public void AnInterruptedTrajectoryLeavesNoFilesAndTheManifestUnchanged()
    {
        using var folder = new TempFolder();
        using var trajectory = new AnalyticTrajectory(n: 4, electrons: 2, batch: 2, seed: 1);
        var dataset = DatasetFolder.Create(folder.Path);
        var spec = TestSpecs.Spec(steps: 20, stride: 2);
        WriteHelper.WriteAll(dataset, TestSpecs.Members(1, spec, prefix: "done"), trajectory);
        var manifest = Path.Combine(folder.Path, DatasetFolder.ManifestFileName);
        var before = File.ReadAllBytes(manifest);

        var members = TestSpecs.Members(2, spec);
        Assert.Throws<OperationCanceledException>(PropagateAndGetInterrupted);

        Assert.Equal(before, File.ReadAllBytes(manifest));
        foreach (var member in members)
        {
            Assert.False(Directory.Exists(dataset.TrajectoryFolder(member.Id)));
            Assert.False(dataset.IsComplete(member.Id, member.Spec.Hash()));
        }
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
        Assert.Single(DatasetFolder.Open(folder.Path).Manifest.Trajectories);

        void PropagateAndGetInterrupted()
        {
            using var writer = dataset.BeginTrajectories(members);
            for (var s = 0; s <= 12; s++)
            {
                using var scope = torch.NewDisposeScope();
                writer.Append(trajectory.At(s * spec.Dt), 0.0);
            }
            throw new OperationCanceledException("propagation interrupted");
        }
    }

    [Fact]
    public void AResumedEnsembleSkipsFinishedMembers()
    {
        using var folder = new TempFolder();
        using var trajectory = new AnalyticTrajectory(n: 4, electrons: 2, batch: 4, seed: 4);
        var members = TestSpecs.Members(4, TestSpecs.Spec(steps: 8, stride: 4));

        var firstRun = new List<string>();
        Assert.Throws<OperationCanceledException>(() => Generate(DatasetFolder.Create(folder.Path), members, trajectory, firstRun, failOnMember: 2));
        Assert.Equal(new[] { "ensemble-0000", "ensemble-0001" }, firstRun);

        var secondRun = new List<string>();
        var resumed = DatasetFolder.Open(folder.Path);
        Generate(resumed, members, trajectory, secondRun, failOnMember: null);
        Assert.Equal(new[] { "ensemble-0002", "ensemble-0003" }, secondRun);
        Assert.All(members, m => Assert.True(resumed.IsComplete(m.Id, m.Spec.Hash())));
        Assert.Equal(4, DatasetFolder.Open(folder.Path).Manifest.Trajectories.Count(e => e.Completed));

        // A different spec (here the time step) is not the finished member, so it is redone.
        Assert.False(resumed.IsComplete(members[0].Id, (members[0].Spec with { Dt = 0.01 }).Hash()));
    }

    [Fact]
    public void CreateRefusesAnExistingDatasetAndOpenNeedsAManifest()
    {
        using var folder = new TempFolder();
        DatasetFolder.Create(folder.Path);
        Assert.Contains("already holds a dataset", Assert.Throws<TdhfInputException>(() => DatasetFolder.Create(folder.Path)).Message);
        var missing = Assert.Throws<TdhfInputException>(() => DatasetFolder.Open(folder.File("nowhere")));
        Assert.Contains("manifest.json", missing.Message);
        File.WriteAllText(Path.Combine(folder.Path, DatasetFolder.ManifestFileName), "{ not json");
        Assert.Contains("malformed dataset manifest", Assert.Throws<TdhfInputException>(() => DatasetFolder.Open(folder.Path)).Message);
    }

    private static void Generate(DatasetFolder dataset, IReadOnlyList<TrajectoryMember> members, AnalyticTrajectory trajectory, List<string> written, int? failOnMember)
    {
        for (var b = 0; b < members.Count; b++)
        {
            var member = members[b];
            if (dataset.IsComplete(member.Id, member.Spec.Hash())) continue;
            using var writer = dataset.BeginTrajectories(new[] { member });
            for (var s = 0L; s <= member.Spec.Steps; s++)
            {
                if (b == failOnMember && s == 3) throw new OperationCanceledException("killed");
                using var scope = torch.NewDisposeScope();
                writer.Append(trajectory.At(s * member.Spec.Dt)[b], 0.0);
            }
            writer.Complete();
            written.Add(member.Id);
        }
    }
}
