using TorchTdhf.Study;
using TorchTdhf.Training.Preconditioning;
using TorchTdhf.Training.Runs;
using Xunit;

namespace TorchTdhf.Tests.Study;

public sealed class StudyRecipesTests
{
    [Theory]
    [InlineData(4, true)]
    [InlineData(StudyRecipes.PreconditionedBasisLimit, true)]
    [InlineData(StudyRecipes.PreconditionedBasisLimit + 1, false)]
    [InlineData(29, false)]
    public void OnlySmallSingleTrajectoryLsmrFitsArePreconditioned(int basisSize, bool preconditioned)
    {
        var recipes = StudyRecipes.For(StudyPresets.Small, withComparisons: true, basisSize);
        foreach (var recipe in recipes)
        {
            var expected = preconditioned && recipe.Solver == SolverKind.Lsmr && recipe.TrainingSet == StudyRecipes.Trajectory;
            Assert.Equal(expected ? PreconditionerKind.Normal : PreconditionerKind.None, recipe.Preconditioner);
            Assert.Equal(recipe.Preconditioner, recipe.Options("data", "run", resume: false, device: "cpu").Preconditioner);
        }
    }
}
