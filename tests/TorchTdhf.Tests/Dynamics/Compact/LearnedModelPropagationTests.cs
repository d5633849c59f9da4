using System.Numerics;
using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Dynamics;
using TorchTdhf.Dynamics.Compact;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics.Compact;

/// <summary>
/// The array path of magnus4 for learned models (<see cref="SampledPropagation"/>) against the libtorch path of the
/// same model, and the models that represent the true potential against the true potential.
/// </summary>
public class LearnedModelPropagationTests : IClassFixture<LearnedModelPropagationTests.LithiumHydride>
{
    private const int Steps = 300;
    private const int Stride = 10;
    private const double TimeStep = 0.02;

    private readonly LithiumHydride _lih;

    public LearnedModelPropagationTests(LithiumHydride lih) => _lih = lih;

    /// <summary>LiH/6-31G (N = 11) and a kicked, randomly perturbed start.</summary>
    public sealed class LithiumHydride : IDisposable
    {
        public LithiumHydride()
        {
            System = new MolecularSystemBuilder().Build(new SystemSpec("lih", "6-31g"));
            Start = RandomIdempotentEnsemble.Generate(System.GroundStateDensity, System.ElectronCount, 0.3, 11, 1).DetachFromDisposeScope();
        }

        public MolecularSystem System { get; }

        public Tensor Start { get; }

        public void Dispose()
        {
            Start.Dispose();
            System.Dispose();
        }
    }

    // Hides the potential's type and makes no Hermitian promise, so that nothing takes the array path.
    private sealed class Opaque(ITwoElectronPotential inner) : ITwoElectronPotential
    {
        public int BasisSize => inner.BasisSize;
        public Tensor Apply(Tensor density) => inner.Apply(density);
    }

    // Linear and exactly Hermitian, but with an offset: G(P) = G_true(P) + c·I.
    private sealed class Offset(ITwoElectronPotential inner, double shift) : ITwoElectronPotential
    {
        public int BasisSize => inner.BasisSize;
        public bool IsExactlyHermitian => true;
        public Tensor Apply(Tensor density)
        {
            using var g = inner.Apply(density);
            using var identity = torch.eye(BasisSize, dtype: ScalarType.ComplexFloat64);
            return g + shift * identity;
        }
    }

    // Linear and exactly Hermitian, but mixing real and imaginary parts: G(P) = ½(M Pₕ M† + (M Pₕ M†)†).
    private sealed class Mixing(Tensor m) : ITwoElectronPotential
    {
        public int BasisSize => (int)m.shape[0];
        public bool IsExactlyHermitian => true;
        public Tensor Apply(Tensor density)
        {
            using var scope = torch.NewDisposeScope();
            var hermitian = 0.5 * (density + density.mH);
            var product = m.matmul(hermitian).matmul(m.mH);
            return (0.5 * (product + product.mH)).MoveToOuterDisposeScope();
        }
    }

    [Theory]
    [InlineData(ModelKind.Tied)]
    [InlineData(ModelKind.Herm)]
    [InlineData(ModelKind.Symm)]
    public void ALearnedModelTakesTheArrayPathAndAgreesWithLibtorchToRoundOff(ModelKind kind)
    {
        using var scope = torch.NewDisposeScope();
        using var model = Perturbed(ModelFactory.FromTrue(kind, _lih.System), seed: (int)kind + 3);
        using var equation = new TdhfEquation(_lih.System, model, SinusoidalField.Paper());
        Assert.NotNull(equation.CompactSnapshot());

        var samples = Sampled(equation);
        var frames = Frames(equation);

        Assert.Equal(Steps / Stride + 1, samples.Count);
        var difference = MaxDifference(samples, frames);
        Assert.True(difference < 1e-12, $"{kind}: max |Δ P| = {difference:E2}");
        Assert.True(MaxDifference(samples.Take(1).ToList(), Frames(equation, steps: 0)) == 0, "the first sample is the start");
        var moved = MaxDifference(samples.Skip(samples.Count - 1).ToList(), Frames(equation, steps: 0));
        Assert.True(moved > 1e-3, $"{kind}: the density must move ({moved:E2})");
    }

    [Theory]
    [InlineData(ModelKind.Tied)]
    [InlineData(ModelKind.Herm)]
    [InlineData(ModelKind.Symm)]
    public void AModelOfTheTruePotentialGivesTheTruePotentialsTrajectory(ModelKind kind)
    {
        using var scope = torch.NewDisposeScope();
        using var model = ModelFactory.FromTrue(kind, _lih.System);
        using var truth = new TruePotential(_lih.System.Eri);
        using var learned = new TdhfEquation(_lih.System, model, SinusoidalField.Paper());
        using var exact = new TdhfEquation(_lih.System, new Opaque(truth), SinusoidalField.Paper());

        var (a, b) = (PackedKernels.TryRead(model)!, PackedKernels.TryRead(truth)!);
        var scale = b.Symmetric.Max(Math.Abs);
        Assert.True(a.Symmetric.Zip(b.Symmetric, (x, y) => Math.Abs(x - y)).Max() < 1e-14 * scale);
        Assert.True(a.Antisymmetric.Zip(b.Antisymmetric, (x, y) => Math.Abs(x - y)).Max() < 1e-14 * scale);

        var difference = MaxDifference(Sampled(learned), Frames(exact));
        Assert.True(difference < 1e-12, $"{kind}: max |Δ P| = {difference:E2}");
    }

    [Fact]
    public void PotentialsOfAnotherFormKeepToLibtorchAndGiveTheSameSamples()
    {
        using var scope = torch.NewDisposeScope();
        using var truth = new TruePotential(_lih.System.Eri);
        var n = _lih.System.OrbitalCount;
        var m = torch.eye(n, dtype: ScalarType.ComplexFloat64) + 0.1 * torch.complex(torch.randn(n, n, dtype: ScalarType.Float64, generator: new Generator(5)),
            torch.randn(n, n, dtype: ScalarType.Float64, generator: new Generator(6)));
        var refused = new ITwoElectronPotential[] { new Opaque(truth), new Offset(truth, 0.05), new Mixing(m) };
        foreach (var potential in refused)
        {
            Assert.Null(PackedKernels.TryRead(potential));
            using var equation = new TdhfEquation(_lih.System, potential, SinusoidalField.Paper());
            Assert.Null(equation.CompactSnapshot());
            Assert.Equal(0, MaxDifference(Sampled(equation), Frames(equation)));
        }
    }

    [Fact]
    public void AnObserverCanEndTheRun()
    {
        using var truth = new TruePotential(_lih.System.Eri);
        using var equation = new TdhfEquation(_lih.System, truth, new NoField());
        var seen = new List<int>();
        SampledPropagation.Run(new MuntheKaas4(), equation, _lih.Start, TimeStep, Steps, Stride, (sample, _, _) =>
        {
            seen.Add(sample);
            return sample < 3;
        });
        Assert.Equal(new[] { 0, 1, 2, 3 }, seen);
    }

    private static ILearnablePotential Perturbed(ILearnablePotential model, int seed)
    {
        using var theta = model.GetParameters();
        using var noise = torch.randn(theta.shape, dtype: ScalarType.Float64, generator: new Generator((ulong)seed));
        using var perturbed = theta + 1e-3 * noise;
        model.SetParameters(perturbed);
        return model;
    }

    private List<Complex[]> Sampled(TdhfEquation equation)
    {
        var samples = new List<Complex[]>();
        SampledPropagation.Run(new MuntheKaas4(), equation, _lih.Start, TimeStep, Steps, Stride, (sample, _, density) =>
        {
            Assert.Equal(samples.Count, sample);
            samples.Add(density.ToArray());
            return true;
        });
        return samples;
    }

    private Tensor Frames(TdhfEquation equation, int steps = Steps)
    {
        using var noGrad = torch.no_grad();
        return Propagation.Run(new MuntheKaas4(), equation, _lih.Start, TimeStep, steps, Stride)[0];
    }

    private static double MaxDifference(IReadOnlyList<Complex[]> samples, Tensor frames)
    {
        var expected = frames.reshape(frames.shape[0], -1).data<Complex>().ToArray();
        var width = samples[0].Length;
        var worst = 0.0;
        for (var s = 0; s < samples.Count; s++)
        for (var e = 0; e < width; e++)
            worst = Math.Max(worst, Complex.Abs(samples[s][e] - expected[s * width + e]));
        return worst;
    }
}
