using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Models;
using TorchTdhf.Study;

namespace TorchTdhf.Tests.Study;

public class CheckpointEvaluationTests(MicroDataset data) : IClassFixture<MicroDataset>
{
    [Theory]
    [InlineData(ModelKind.Tied)]
    [InlineData(ModelKind.Symm)]
    public void TheTruePotentialThroughTheSameCodeHasNoHamiltonianErrorAndRoundOffPropagationError(ModelKind kind)
    {
        using var run = new TempFolder();
        using (var system = DatasetSystemFile.Read(data.Folder))
        using (var model = ModelFactory.FromTrue(kind, system))
            CheckpointFixtures.Save(run.Path, model, data.Folder);

        var report = CheckpointEvaluation.Run(run.Path, new[] { data.Folder });

        Assert.Equal(kind.Name(), report.Model);
        Assert.Equal(0, report.Metrics.ParameterError!.MaxAbs);
        Assert.Equal(new[] { "test-field-free", "test-field-on" }, report.Metrics.TestSets.Select(s => s.Name));
        foreach (var set in report.Metrics.TestSets)
        {
            Assert.True(set.PotentialErrorMaxAbs < 1e-12, $"{set.Name}: potential error {set.PotentialErrorMaxAbs}");
            var propagation = Assert.Single(set.Propagation);
            Assert.False(propagation.BlewUp);
            Assert.True(propagation.DensityErrorMaxAbs < 1e-11, $"{set.Name}: propagation error {propagation.DensityErrorMaxAbs}");
        }
    }

    [Fact]
    public void APerturbedModelHasAHamiltonianError()
    {
        using var run = new TempFolder();
        using (var system = DatasetSystemFile.Read(data.Folder))
        using (var model = ModelFactory.FromTrue(ModelKind.Herm, system))
        {
            using var theta = model.GetParameters();
            using var shifted = theta + 0.01;
            model.SetParameters(shifted);
            CheckpointFixtures.Save(run.Path, model, data.Folder);
        }

        var report = CheckpointEvaluation.Run(run.Path, new[] { data.Folder });

        Assert.Equal(0.01, report.Metrics.ParameterError!.MaxAbs, 12);
        Assert.Equal(0.01, report.Metrics.ParameterError.MeanAbs, 12);
        Assert.True(report.Metrics.TestSets[0].PotentialErrorMaxAbs > 1e-4);
    }

    [Fact]
    public void RefusesTestDataOfAnotherSystemNamingBothFingerprints()
    {
        using var other = new TempFolder();
        using var run = new TempFolder();
        using var lih = new MolecularSystemBuilder().Build(new SystemSpec("lih", "6-31g"));
        DatasetSystemFile.Ensure(other.Path, lih);
        using (var model = ModelFactory.Create(ModelKind.Symm, lih.OrbitalCount))
            CheckpointFixtures.Save(run.Path, model, other.Path);

        var error = Assert.Throws<TdhfInputException>(() => CheckpointEvaluation.Run(run.Path, new[] { data.Folder }));

        using var heh = DatasetSystemFile.Read(data.Folder);
        Assert.Contains(lih.Fingerprint, error.Message);
        Assert.Contains(heh.Fingerprint, error.Message);
    }

    [Fact]
    public void AFolderWithoutCheckpointIsAnInputError()
    {
        using var empty = new TempFolder();
        var error = Assert.Throws<TdhfInputException>(() => CheckpointEvaluation.Run(empty.Path, new[] { data.Folder }));
        Assert.Contains("no checkpoint", error.Message);
    }
}
