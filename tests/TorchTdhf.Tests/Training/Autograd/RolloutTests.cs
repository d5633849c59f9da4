using TorchSharp;
using TorchTdhf.Dynamics;
using TorchTdhf.Training.Autograd;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training.Autograd;

public class RolloutTests(HeHPlusData data) : IClassFixture<HeHPlusData>
{
    [Fact]
    public void WindowsAreConsecutiveSamplesWithShiftedFields()
    {
        using var windows = RolloutWindows.FromDataset(data.Dataset, data.System, horizon: 3);
        Assert.Equal(2 * (21 - 3), windows.Count);
        Assert.Equal(0.06, windows.SampleSpacing, 1e-15);
        var driven = data.Dataset.Trajectories[1];
        using var items = torch.tensor(new long[] { 18 + 5, 2 });
        using var batch = windows.Gather(items);
        Assert.True(batch.Start[0].eq(driven.Densities[5]).all().item<bool>());
        for (var k = 0; k < 3; k++) Assert.True(batch.Observed[0, k].eq(driven.Densities[6 + k]).all().item<bool>());
        Assert.True(batch.Observed[1, 2].eq(data.Dataset.Trajectories[0].Densities[5]).all().item<bool>());
        var field = Field.FromJson(driven.Metadata.Spec.Field!.ToJsonString());
        var startTime = driven.Times[5].item<double>();
        Assert.Equal(field.At(startTime + 0.01), batch.Fields[0].At(0.01));
        Assert.Equal(CartesianVector.Zero, batch.Fields[1].At(0.01));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void HorizonMustFitATrajectory(int horizon)
    {
        var error = Assert.Throws<TdhfInputException>(() => RolloutWindows.FromDataset(data.Dataset, data.System, horizon));
        Assert.Equal("horizon", error.Key);
    }

    [Fact]
    public void SubstepsMustBePositive()
    {
        using var windows = RolloutWindows.FromDataset(data.Dataset, data.System, horizon: 2);
        using var model = KernelModel.AtTruth(data.System.Eri);
        Assert.Equal("substeps", Assert.Throws<TdhfInputException>(() => new RolloutObjective(model, data.System, windows, 0)).Key);
    }

    [Fact]
    public void GradientThroughTheRolloutMatchesCentralDifferences()
    {
        using var windows = RolloutWindows.FromDataset(data.Dataset, data.System, horizon: 3);
        using var model = data.Perturbed(0.02);
        var objective = new RolloutObjective(model, data.System, windows, substeps: 2);
        using var scope = torch.NewDisposeScope();
        var items = torch.tensor(new long[] { 0, 7, 20, 33 });
        var theta = model.GetParameters();
        var loss = objective.Loss(items);
        loss.backward();
        var gradient = model.Module.parameters().Single().grad!.flatten().clone();
        Assert.True(gradient.abs().max().item<double>() > 1e-6, "the gradient should not vanish");

        using var generator = new Generator(21);
        const double epsilon = 1e-5;
        for (var d = 0; d < 3; d++)
        {
            var direction = torch.randn(theta.shape, ScalarType.Float64, generator: generator);
            var analytic = (gradient * direction).sum().item<double>();
            var numeric = (LossAt(objective, model, theta + epsilon * direction, items) - LossAt(objective, model, theta - epsilon * direction, items)) / (2 * epsilon);
            Assert.True(Math.Abs(analytic - numeric) <= 1e-6 * Math.Abs(numeric), $"direction {d}: analytic {analytic:E10} vs central difference {numeric:E10}");
        }
    }

    [Fact]
    public void LossAtTheTruePotentialIsRk4ErrorAndFallsWithSubsteps()
    {
        using var windows = RolloutWindows.FromDataset(data.Dataset, data.System, horizon: 3);
        using var truth = KernelModel.AtTruth(data.System.Eri);
        using var perturbed = data.Perturbed(0.01);
        var coarse = FullLoss(new RolloutObjective(truth, data.System, windows, substeps: 1));
        var fine = FullLoss(new RolloutObjective(truth, data.System, windows, substeps: 2));
        var wrong = FullLoss(new RolloutObjective(perturbed, data.System, windows, substeps: 2));
        Assert.True(fine < coarse / 8, $"RK4 error should fall like h⁴: {coarse:E3} → {fine:E3}");
        Assert.True(fine < 1e-6 * wrong, $"truth {fine:E3} vs perturbed {wrong:E3}");
    }

    [Fact]
    public void AdamOnTheRolloutDecreasesTheLoss()
    {
        using var windows = RolloutWindows.FromDataset(data.Dataset, data.System, horizon: 2);
        using var model = data.Perturbed(0.01);
        var objective = new RolloutObjective(model, data.System, windows, substeps: 1);
        var before = FullLoss(objective);
        using var trainer = new AutogradTrainer(model, objective, new AutogradOptions { LearningRate = 1e-3, BatchSize = 8, Iterations = 30, Seed = 3 });
        while (!trainer.IsFinished) trainer.Step();
        var after = FullLoss(objective);
        Assert.True(after < 0.5 * before, $"rollout loss {before:E3} → {after:E3}");
    }

    private static double LossAt(IMinibatchObjective objective, KernelModel model, Tensor theta, Tensor items)
    {
        model.SetParameters(theta);
        using var _ = torch.no_grad();
        using var loss = objective.Loss(items);
        return loss.item<double>();
    }

    private static double FullLoss(IMinibatchObjective objective)
    {
        using var _ = torch.no_grad();
        using var items = torch.arange(objective.Count, dtype: ScalarType.Int64);
        using var loss = objective.Loss(items);
        return loss.item<double>();
    }
}
