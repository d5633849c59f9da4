using TorchSharp;
using TorchTdhf.Training;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training;

public class ExactLeastSquaresTests
{
    private const int N = 4;

    // The dense real matrix of K (rows: the residual space's coordinates), column by column.
    private static Tensor DenseK(DerivativeResidual problem)
    {
        var identity = torch.eye(problem.ParameterCount, dtype: ScalarType.Float64);
        var columns = Enumerable.Range(0, (int)problem.ParameterCount).Select(j => problem.Apply(identity[j]).reshape(-1)).ToArray();
        return torch.stack(columns, 1);
    }

    [Fact]
    public void RecoversTheParametersThatMadeTheData()
    {
        using var scope = torch.NewDisposeScope();
        using var model = BilinearTestPotential.Random(N, terms: 6, seed: 9);
        using var noise = ResidualProblems.Random(12, N, seed: 10);
        var truth = model.GetParameters();
        using var noiseProblem = new DerivativeResidual(model, noise);
        using var exactData = TrainingSet.FromSamples(noise.Densities, noiseProblem.Coordinates.Matrices(noiseProblem.Apply(truth)), "synthetic");
        using var problem = new DerivativeResidual(model, exactData, new DerivativeResidualOptions { ChunkSize = 5 });
        using var result = ExactLeastSquares.Solve(problem);
        Assert.Equal(6, result.Rank);
        Assert.True((result.Parameters - truth).abs().max().item<double>() < 1e-8);
        Assert.True(problem.Loss(result.Parameters) < 1e-14 * problem.Loss(torch.zeros_like(truth)));

        using var lsmr = Lsmr.Start(problem, problem.RightHandSide, options: new LsmrOptions { AbsoluteTolerance = 1e-12, RelativeTolerance = 1e-12 });
        lsmr.Run();
        Assert.True((lsmr.Solution() - truth).abs().max().item<double>() < 1e-8, $"LSMR: {lsmr.Stop}");
    }

    [Fact]
    public void RankDeficientProblemsGetTheMinimumNormSolution()
    {
        using var scope = torch.NewDisposeScope();
        using var model = BilinearTestPotential.RandomRedundant(N, terms: 5, seed: 11);
        using var set = ResidualProblems.Random(10, N, seed: 12);
        using var problem = new DerivativeResidual(model, set);
        using var result = ExactLeastSquares.Solve(problem);
        Assert.Equal(4, result.Rank);
        Assert.True(result.SingularValues[^1] < 1e-6 * result.SingularValues[0]);
        var reference = torch.linalg.pinv(DenseK(problem), rtol: 1e-6).matmul(problem.RightHandSide.reshape(-1));
        Assert.True((result.Parameters - reference).abs().max().item<double>() < 1e-8 * Math.Max(1, reference.abs().max().item<double>()));
        Assert.Equal(result.Parameters[0].item<double>(), result.Parameters[4].item<double>(), 1e-8);
    }

    [Fact]
    public void RefusesTooManyParameters()
    {
        using var model = BilinearTestPotential.Random(N, terms: 5, seed: 13);
        using var set = ResidualProblems.Random(3, N, seed: 14);
        using var problem = new DerivativeResidual(model, set);
        var error = Assert.Throws<TdhfInputException>(() => ExactLeastSquares.Solve(problem, new ExactLeastSquaresOptions { MaxParameters = 4 }));
        Assert.Contains("at most 4 parameters", error.Message);
        Assert.Contains("LSMR", error.Message);
    }
}
