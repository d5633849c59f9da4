using TorchTdhf.Models;

namespace TorchTdhf.Tests.Training;

/// <summary>
/// The learnable models the solver tests run on, by name: each builds a seeded instance for basis size N. Add the
/// real models (tied, herm, symm) here as they arrive to run the operator tests on them too.
/// </summary>
internal static class LearnableModels
{
    private static readonly IReadOnlyDictionary<string, Func<int, int, ILearnablePotential>> Factories =
        new Dictionary<string, Func<int, int, ILearnablePotential>>
        {
            ["bilinear-test"] = (n, seed) => BilinearTestPotential.Random(n, terms: 5, seed),
        };

    /// <summary>Names for xunit theories.</summary>
    public static TheoryData<string> Names => new(Factories.Keys);

    /// <summary>A seeded instance of model <paramref name="name"/> acting on N = <paramref name="n"/>.</summary>
    public static ILearnablePotential Create(string name, int n, int seed) => Factories[name](n, seed);
}
