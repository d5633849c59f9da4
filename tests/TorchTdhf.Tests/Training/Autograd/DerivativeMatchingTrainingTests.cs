using TorchSharp;
using TorchTdhf.Dynamics;
using TorchTdhf.Models;
using TorchTdhf.Training.Autograd;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training.Autograd;

public class DerivativeMatchingTrainingTests(HeHPlusData data) : IClassFixture<HeHPlusData>
{
    [Fact]
    public void LossAtTheTruePotentialIsTheDataDerivativeError()
    {
        using var model = KernelModel.AtTruth(data.System.Eri);
        var objective = new DerivativeMatchingObjective(model, data.Samples);
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var loss = FullLoss(objective);

        // b − [G, P] = i Ṗ_data − [F, P] = i (Ṗ_data − Ṗ_exact): the residual is the derivative error of the data.
        using var truth = new TruePotential(data.System.Eri);
        var floor = 0.0;
        foreach (var trajectory in data.Dataset.Trajectories)
        {
            var field = Field.FromJson(trajectory.Metadata.Spec.Field!.ToJsonString());
            using var equation = new TdhfEquation(data.System, truth, field);
            var times = trajectory.Times.data<double>().ToArray();
            for (var s = 0; s < times.Length; s++)
            {
                var exact = equation.TimeDerivative(trajectory.Densities[s].unsqueeze(0), times[s])[0];
                floor += torch.view_as_real(trajectory.Derivatives[s] - exact).square().sum().item<double>();
            }
        }
        floor /= data.Samples.Count;
        Assert.True(floor > 0 && floor < 1e-8, $"derivative error floor {floor:E3}");
        Assert.True(Math.Abs(loss - floor) <= 1e-6 * floor, $"loss {loss:E10} vs floor {floor:E10}");
        using var perturbed = data.Perturbed(1e-3);
        Assert.True(FullLoss(new DerivativeMatchingObjective(perturbed, data.Samples)) > 1e4 * loss);
    }

    [Fact]
    public void AdamDecreasesTheLoss()
    {
        using var model = data.Perturbed(0.01);
        var objective = new DerivativeMatchingObjective(model, data.Samples);
        var before = FullLoss(objective);
        using var trainer = new AutogradTrainer(model, objective, new AutogradOptions { LearningRate = 1e-3, BatchSize = 8, Iterations = 60, Seed = 2 });
        while (!trainer.IsFinished) trainer.Step();
        var after = FullLoss(objective);
        Assert.True(after < 0.2 * before, $"loss {before:E3} → {after:E3}");
        Assert.Equal(60, trainer.Iteration);
        Assert.Throws<InvalidOperationException>(() => trainer.Step());
    }

    [Fact]
    public void LbfgsWithFullBatchesDecreasesTheLoss()
    {
        using var model = data.Perturbed(0.01);
        var objective = new DerivativeMatchingObjective(model, data.Samples);
        var options = new AutogradOptions { Optimizer = OptimizerKind.Lbfgs, LearningRate = 1, BatchSize = 1000, Iterations = 3, LbfgsIterations = 10 };
        using var trainer = new AutogradTrainer(model, objective, options);
        var losses = new List<double>();
        while (!trainer.IsFinished) losses.Add(trainer.Step().Loss);
        var after = FullLoss(objective);
        Assert.Equal(losses[0], FullLossOf(data.Perturbed(0.01)), 1e-12 * losses[0]);
        Assert.True(after < 1e-2 * losses[0], $"loss {losses[0]:E3} → {after:E3}");
        Assert.Null(trainer.ExportState().OptimizerState);
    }

    [Fact]
    public void SameSeedGivesBitIdenticalParameters()
    {
        var options = new AutogradOptions { LearningRate = 1e-3, BatchSize = 8, Iterations = 10, Seed = 11 };
        using var first = Train(options, steps: 10);
        using var second = Train(options, steps: 10);
        using var other = Train(options with { Seed = 12 }, steps: 10);
        Assert.True(first.eq(second).all().item<bool>());
        Assert.False(first.eq(other).all().item<bool>());
    }

    [Theory]
    [InlineData(OptimizerKind.Adam, 4)]
    [InlineData(OptimizerKind.Adam, 1)]
    [InlineData(OptimizerKind.Sgd, 6)]
    [InlineData(OptimizerKind.Sgd, 3)]
    public void ResumingFromExportedStateIsBitIdentical(OptimizerKind optimizer, int interruptedAfter)
    {
        var options = new AutogradOptions { Optimizer = optimizer, LearningRate = 1e-3, Momentum = optimizer == OptimizerKind.Sgd ? 0.9 : 0, BatchSize = 8, Iterations = 10, Seed = 4 };
        using var uninterrupted = Train(options, steps: 10);

        AutogradTrainerState state;
        using (var model = data.Perturbed(0.01))
        {
            var objective = new DerivativeMatchingObjective(model, data.Samples);
            using var trainer = new AutogradTrainer(model, objective, options);
            for (var i = 0; i < interruptedAfter; i++) trainer.Step();
            state = trainer.ExportState();
            trainer.Step();
        }

        // A fresh process would start from other parameters and an untouched optimizer: the state must override both.
        using var resumedModel = data.Perturbed(0.05, seed: 99);
        var resumedObjective = new DerivativeMatchingObjective(resumedModel, data.Samples);
        using var resumed = new AutogradTrainer(resumedModel, resumedObjective, options);
        resumed.RestoreState(state);
        Assert.Equal(interruptedAfter, resumed.Iteration);
        while (!resumed.IsFinished) resumed.Step();
        using var theta = resumedModel.GetParameters();
        Assert.True(uninterrupted.eq(theta).all().item<bool>());
    }

    [Fact]
    public void StateOfAnotherOptimizerIsRefused()
    {
        using var model = data.Perturbed(0.01);
        var objective = new DerivativeMatchingObjective(model, data.Samples);
        using var adam = new AutogradTrainer(model, objective, new AutogradOptions { BatchSize = 8 });
        adam.Step();
        using var sgd = new AutogradTrainer(model, objective, new AutogradOptions { Optimizer = OptimizerKind.Sgd, BatchSize = 8 });
        Assert.Equal("optimizer", Assert.Throws<TdhfInputException>(() => sgd.RestoreState(adam.ExportState())).Key);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonPositiveLearningRateIsRejected(double rate)
    {
        using var model = data.Perturbed(0.01);
        var objective = new DerivativeMatchingObjective(model, data.Samples);
        var error = Assert.Throws<TdhfInputException>(() => new AutogradTrainer(model, objective, new AutogradOptions { LearningRate = rate }));
        Assert.Equal("lr", error.Key);
    }

    [Theory]
    [InlineData("batchSize")]
    [InlineData("epochs")]
    [InlineData("iterations")]
    [InlineData("momentum")]
    [InlineData("historySize")]
    [InlineData("divergenceFactor")]
    public void OtherBadOptionsNameTheirKey(string key)
    {
        var options = key switch
        {
            "batchSize" => new AutogradOptions { BatchSize = 0 },
            "epochs" => new AutogradOptions { Epochs = 0 },
            "iterations" => new AutogradOptions { Iterations = 0 },
            "momentum" => new AutogradOptions { Momentum = 1 },
            "historySize" => new AutogradOptions { HistorySize = 0 },
            _ => new AutogradOptions { DivergenceFactor = 1 },
        };
        Assert.Equal(key, Assert.Throws<TdhfInputException>(options.Validate).Key);
        Assert.Equal(OptimizerKind.Lbfgs, OptimizerKinds.Parse("L-BFGS"));
        Assert.Equal("optimizer", Assert.Throws<TdhfInputException>(() => OptimizerKinds.Parse("rmsprop")).Key);
    }

    [Fact]
    public void HugeLearningRateIsReportedAsDivergenceWithoutUpdating()
    {
        using var model = data.Perturbed(0.01);
        var objective = new DerivativeMatchingObjective(model, data.Samples);
        using var trainer = new AutogradTrainer(model, objective, new AutogradOptions { Optimizer = OptimizerKind.Sgd, LearningRate = 1e6, BatchSize = 8, Iterations = 50 });
        var first = trainer.Step();
        using var before = model.GetParameters();
        var error = Assert.Throws<TrainingDivergedException>(() => trainer.Step());
        Assert.Equal(2, error.Iteration);
        Assert.Equal(first.Loss, error.BestLoss);
        Assert.True(!double.IsFinite(error.Loss) || error.Loss > 1e3 * error.BestLoss, $"loss {error.Loss} best {error.BestLoss}");
        Assert.Contains("iteration 2", error.Message);
        Assert.Equal("lr", error.Key);
        using var after = model.GetParameters();
        Assert.True(before.eq(after).all().item<bool>(), "a diverged step must not update θ");
        Assert.Equal(1, trainer.Iteration);
    }

    private Tensor Train(AutogradOptions options, int steps)
    {
        using var model = data.Perturbed(0.01);
        var objective = new DerivativeMatchingObjective(model, data.Samples);
        using var trainer = new AutogradTrainer(model, objective, options);
        for (var i = 0; i < steps; i++) trainer.Step();
        return model.GetParameters();
    }

    private double FullLossOf(KernelModel model)
    {
        using (model) return FullLoss(new DerivativeMatchingObjective(model, data.Samples));
    }

    private static double FullLoss(IMinibatchObjective objective)
    {
        using var _ = torch.no_grad();
        using var items = torch.arange(objective.Count, dtype: ScalarType.Int64);
        using var loss = objective.Loss(items);
        return loss.item<double>();
    }
}
