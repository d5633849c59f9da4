using TorchTdhf.Models;

namespace TorchTdhf.Tests.Training;

/// <summary>
/// The learnable models the solver tests run on, by name: each builds a seeded instance for basis size N — the three
/// real parameterisations and a test-only bilinear model.
/// </summary>
internal static class LearnableModels
{
    private static readonly IReadOnlyDictionary<string, Func<int, int, ILearnablePotential>> Factories =
        new Dictionary<string, Func<int, int, ILearnablePotential>>
        {
            ["bilinear-test"] = (n, seed) => BilinearTestPotential.Random(n, terms: 5, seed),
            ["tied"] = (n, seed) => ModelFactory.Random(ModelKind.Tied, n, seed),
            ["herm"] = (n, seed) => ModelFactory.Random(ModelKind.Herm, n, seed),
            ["symm"] = (n, seed) => ModelFactory.Random(ModelKind.Symm, n, seed),
        };

    /// <summary>Every model name.</summary>
    public static IReadOnlyList<string> All => Factories.Keys.ToList();

    /// <summary>Names for xunit theories.</summary>
    public static TheoryData<string> Names => new(Factories.Keys);

    /// <summary>A seeded instance of model <paramref name="name"/> acting on N = <paramref name="n"/>.</summary>
    public static ILearnablePotential Create(string name, int n, int seed) => Factories[name](n, seed);
}
