using TorchTdhf.Evaluation;

namespace TorchTdhf.Tests.Evaluation;

public class ModelEvaluatorTests
{
    [Theory]
    [InlineData("magnus4")]
    [InlineData("rk4")]
    public void TruePotentialReproducesTheGroundTruth(string integrator)
    {
        using var data = new GroundTruthData(integrator);
        var metrics = data.Evaluate(data.Truth);

        Assert.Equal(1.5, metrics.TrainingLoss);
        Assert.Null(metrics.ModelKind);
        Assert.Null(metrics.ParameterError);
        Assert.Equal(3, metrics.TestSets.Count);
        foreach (var set in metrics.TestSets)
        {
            Assert.Equal(0.0, set.PotentialErrorMaxAbs);
            Assert.Equal(31, set.Commutator.SampleCount);
            Assert.True(set.Commutator.MaxAbs < 1e-6, $"{set.Name}: residual {set.Commutator.MaxAbs}");
            var run = Assert.Single(set.Propagation);
            Assert.False(run.BlewUp);
            Assert.Equal(integrator, run.Integrator);
            Assert.Equal(31, run.DensityError.Length);
            Assert.True(run.DensityErrorMaxAbs <= 1e-10, $"{set.Name}: density error {run.DensityErrorMaxAbs}");
            Assert.True(run.DipoleErrorMaxAbs <= 1e-10, $"{set.Name}: dipole error {run.DipoleErrorMaxAbs}");
            Assert.Equal(0.0, run.DipoleTrue[0]);
            Assert.True(run.DipoleTrue.Select(Math.Abs).Max() > 1e-3, $"{set.Name}: the dipole should move");
            Assert.True(run.Drift.Trace < 1e-12 && run.Drift.Hermiticity < 1e-12);
            Assert.True(run.Drift.Idempotency < (integrator == "magnus4" ? 1e-12 : 1e-6), $"{set.Name}: idempotency drift {run.Drift.Idempotency}");
        }
    }

    [Fact]
    public void ResidualIsTheEquationsMismatchWithTheStoredDerivative()
    {
        using var data = new GroundTruthData("magnus4");
        using var dataset = data.Load(GroundTruthData.FieldOn);
        var trajectory = dataset.Trajectories[0];
        using var samples = TorchTdhf.Training.TrainingSet.FromDataset(dataset, data.System);
        using var residual = CommutatorError.Residual(data.Truth, samples.Densities, samples.Targets);
        using var equation = new TorchTdhf.Dynamics.TdhfEquation(data.System, data.Truth, TorchTdhf.Dynamics.SinusoidalField.Paper());
        var times = trajectory.Times.data<double>().ToArray();
        for (var s = 0; s < times.Length; s += 10)
        {
            using var p = trajectory.Densities[s].unsqueeze(0);
            using var exact = equation.TimeDerivative(p, times[s]);
            // r = iṖ − [F, P] = i (Ṗ − (−i[F, P])).
            using var expected = (trajectory.Derivatives[s] - exact[0]) * new System.Numerics.Complex(0, 1);
            Assert.True((residual[s] - expected).abs().max().item<double>() < 1e-12);
        }
        var error = CommutatorError.Compute(data.Truth, samples, chunkSize: 7);
        Assert.Equal(residual.abs().square().sum().item<double>(), error.SumSquared, 1e-20);
        Assert.Equal(residual.abs().max().item<double>(), error.MaxAbs);
    }

    [Fact]
    public void ResidualOfTheTruePotentialIsTheFourthOrderDifferenceFloor()
    {
        // Ṗ comes from fourth-order differences on the fine grid, so halving dt must shrink the residual about 16-fold.
        using var coarse = new GroundTruthData("magnus4", dt: 0.1, steps: 100, stride: 2);
        using var fine = new GroundTruthData("magnus4", dt: 0.05, steps: 200, stride: 4);
        double Residual(GroundTruthData d)
        {
            using var dataset = d.Load(GroundTruthData.FieldOn);
            using var samples = TorchTdhf.Training.TrainingSet.FromDataset(dataset, d.System);
            return CommutatorError.Compute(d.Truth, samples).MaxAbs;
        }
        var (r1, r2) = (Residual(coarse), Residual(fine));
        Assert.True(r1 / r2 is > 8 and < 32, $"residual {r1} at dt = 0.1, {r2} at dt = 0.05");
    }

    [Fact]
    public void PerturbedPotentialHasClearlyLargerErrors()
    {
        using var data = new GroundTruthData("magnus4");
        var truth = data.Evaluate(data.Truth, new EvaluationOptions { Propagate = false });
        Assert.All(truth.TestSets, set => Assert.Empty(set.Propagation));
        var perturbed = data.Evaluate(new ScaledPotential(data.Truth, 1.01));
        for (var i = 0; i < truth.TestSets.Count; i++)
        {
            var (exact, wrong) = (truth.TestSets[i], perturbed.TestSets[i]);
            Assert.True(wrong.PotentialErrorMaxAbs > 1e-3, $"{wrong.Name}: potential error {wrong.PotentialErrorMaxAbs}");
            Assert.True(wrong.Commutator.MaxAbs > 100 * exact.Commutator.MaxAbs, $"{wrong.Name}: residual {wrong.Commutator.MaxAbs}");
            Assert.True(wrong.Commutator.SumSquared > 1e4 * exact.Commutator.SumSquared);
            var run = wrong.Propagation[0];
            Assert.False(run.BlewUp);
            Assert.True(run.DensityErrorMaxAbs > 1e-5, $"{wrong.Name}: density error {run.DensityErrorMaxAbs}");
            Assert.True(run.DipoleErrorMaxAbs > 1e-6, $"{wrong.Name}: dipole error {run.DipoleErrorMaxAbs}");
            Assert.Equal(0.0, run.DensityError[0]);
            Assert.True(run.DensityError[^1] > run.DensityError[1], "the error should grow along the run");
            // A scaled Hermitian potential still gives unitary dynamics.
            Assert.True(run.Drift.Idempotency < 1e-12);
        }
    }

    [Fact]
    public void BlowUpIsReportedNotThrown()
    {
        using var data = new GroundTruthData("rk4");
        var metrics = data.Evaluate(new ScaledPotential(data.Truth, 1e4));
        var run = metrics.TestSets[0].Propagation[0];
        Assert.True(run.BlewUp);
        Assert.NotNull(run.BlowUpTime);
        Assert.NotNull(run.BlowUpReason);
        Assert.Equal(double.PositiveInfinity, run.DensityErrorMaxAbs);
        Assert.Equal(double.PositiveInfinity, run.DipoleErrorMaxAbs);
        Assert.Equal(double.PositiveInfinity, run.DensityError[^1]);
        Assert.True(double.IsNaN(run.DipoleModel[^1]));
        Assert.Equal(0.0, run.DensityError[0]);

        var json = metrics.ToJson();
        Assert.Contains("\"Infinity\"", json);
        var back = ModelMetrics.FromJson(json);
        Assert.Equal(double.PositiveInfinity, back.TestSets[0].Propagation[0].DensityErrorMaxAbs);
        Assert.Equal(run.DensityError.Length, back.TestSets[0].Propagation[0].DensityError.Length);
    }

    [Fact]
    public void KeptDensitiesAreTheComparedOnesAndSideBySideRunsEqualSerialOnes()
    {
        using var data = new GroundTruthData("magnus4");
        using var model = TorchTdhf.Models.ModelFactory.FromTrue(TorchTdhf.Models.ModelKind.Herm, data.System);
        using var dataset = data.Load(GroundTruthData.FieldOn);
        var trajectory = dataset.Trajectories[0];
        var kept = data.Evaluate(model, new EvaluationOptions { KeepDensitiesOf = new[] { trajectory.Metadata.Id } });
        var serial = data.Evaluate(model, new EvaluationOptions { Parallelism = 1 });

        var runs = kept.TestSets.SelectMany(s => s.Propagation).ToList();
        var run = Assert.Single(runs, r => r.ModelDensities is not null);
        Assert.Equal(trajectory.Metadata.Id, run.TrajectoryId);
        var truth = trajectory.Densities.reshape(-1).data<System.Numerics.Complex>().ToArray();
        Assert.Equal(truth.Length, run.ModelDensities!.Length);
        var error = truth.Zip(run.ModelDensities, (t, m) => System.Numerics.Complex.Abs(t - m)).Max();
        Assert.True(error <= 1e-10 && error == run.DensityErrorMaxAbs, $"kept densities differ from the truth by {error}, the metrics say {run.DensityErrorMaxAbs}");
        Assert.DoesNotContain("modelDensities", kept.ToJson(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(serial.TestSets.SelectMany(s => s.Propagation).Select(r => r.DensityError), runs.Select(r => r.DensityError));
    }

    [Fact]
    public void DataOfAnotherSystemAreRejected()
    {
        using var data = new GroundTruthData("magnus4", steps: 8, stride: 4);
        using var other = new TorchTdhf.Chemistry.MolecularSystemBuilder().Build(new TorchTdhf.Chemistry.SystemSpec("heh+", "sto-3g"));
        using var dataset = data.Load(GroundTruthData.FieldFree);
        using var evaluator = new ModelEvaluator(other);
        using var truth = new TorchTdhf.Models.TruePotential(other.Eri);
        Assert.Throws<TdhfInputException>(() => evaluator.Evaluate(truth, new[] { new EvaluationSet("x", dataset) }));
        Assert.Throws<ArgumentException>(() => evaluator.Evaluate(data.Truth, new[] { new EvaluationSet("x", dataset) }));
        Assert.Throws<TdhfInputException>(() => new ModelEvaluator(data.System, new EvaluationOptions { ChunkSize = 0 }));
    }
}
