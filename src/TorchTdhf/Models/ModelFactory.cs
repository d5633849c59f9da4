using TorchTdhf.Chemistry;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>Builds the learnable model of a <see cref="ModelKind"/>, so that callers never switch on the kind.</summary>
public static class ModelFactory
{
    /// <summary>A model with all parameters zero (G ≡ 0).</summary>
    /// <param name="kind">The parameterisation.</param>
    /// <param name="basisSize">N, the orthonormal basis size.</param>
    public static ILearnablePotential Create(ModelKind kind, int basisSize) => kind switch
    {
        ModelKind.Tied => new TiedTensorModel(basisSize),
        ModelKind.Herm => new HermitianTensorModel(basisSize),
        ModelKind.Symm => new SymmetricTensorModel(basisSize),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown model kind"),
    };

    /// <summary>The model whose parameters reproduce the true potential of <paramref name="system"/>.</summary>
    /// <param name="kind">The parameterisation.</param>
    /// <param name="system">Supplies the orthonormal-basis ERIs.</param>
    public static ILearnablePotential FromTrue(ModelKind kind, MolecularSystem system) => FromTrue(kind, system.Eri);

    /// <summary>The model whose parameters reproduce the true potential of the ERIs <paramref name="eri"/>.</summary>
    /// <param name="kind">The parameterisation.</param>
    /// <param name="eri">(ij|kl): [N, N, N, N] float64, orthonormal basis, chemists' notation.</param>
    public static ILearnablePotential FromTrue(ModelKind kind, Tensor eri) => kind switch
    {
        ModelKind.Tied => TiedTensorModel.FromTrue(eri),
        ModelKind.Herm => HermitianTensorModel.FromTrue(eri),
        ModelKind.Symm => SymmetricTensorModel.FromTrue(eri),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown model kind"),
    };

    /// <summary>A model with seeded random parameters (benchmarks, tests).</summary>
    /// <param name="kind">The parameterisation.</param>
    /// <param name="basisSize">N.</param>
    /// <param name="seed">Seed of the parameters.</param>
    public static ILearnablePotential Random(ModelKind kind, int basisSize, int seed) => kind switch
    {
        ModelKind.Tied => TiedTensorModel.Random(basisSize, seed),
        ModelKind.Herm => HermitianTensorModel.Random(basisSize, seed),
        ModelKind.Symm => SymmetricTensorModel.Random(basisSize, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown model kind"),
    };

    /// <summary>
    /// Real flops of one <see cref="ILearnablePotential.ApplyWith"/> and one <see cref="ILearnablePotential.Adjoint"/>
    /// over <paramref name="batch"/> densities, as the model counts them (its packed matrix products).
    /// </summary>
    /// <param name="model">A model built by this factory.</param>
    /// <param name="batch">Densities per call.</param>
    public static (long Apply, long Adjoint) Flops(ILearnablePotential model, long batch) => model switch
    {
        PackedLearnablePotential packed => (packed.FlopsPerApply(batch), packed.FlopsPerAdjoint(batch)),
        SymmetricTensorModel symmetric => (symmetric.FlopsPerApply(batch), symmetric.FlopsPerAdjoint(batch)),
        _ => throw new ArgumentException($"no flop count for a {model.GetType().Name}", nameof(model)),
    };
}
