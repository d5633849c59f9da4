using TorchSharp;
using TorchTdhf.Models;
using TorchTdhf.Training;
using TorchTdhf.Training.Preconditioning;
using Xunit;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training.Preconditioning;

public sealed class PreconditionedRidgeTests
{
    // With the shift equal to the ridge, A has orthonormal columns: AᵀA = F⁻¹(KᵀK + λI)F⁻ᵀ = I. The columns are
    // formed by A itself, so this checks the Gram matrix, the factor, the lift and the ridge rows together.
    [Theory]
    [InlineData(ModelKind.Tied, 4)]
    [InlineData(ModelKind.Herm, 4)]
    [InlineData(ModelKind.Symm, 4)]
    [InlineData(ModelKind.Symm, 5)]
    public void OperatorHasOrthonormalColumnsWhenTheShiftIsTheRidge(ModelKind kind, int n)
    {
        using var scope = torch.NewDisposeScope();
        using var c = new RidgeCase(kind, n, samples: 30, seed: 11, relativeRidge: 1e-8, relativeShift: 1e-8);
        var (model, _, ridge) = (c.Model, c.Problem, c.Ridge);
        Assert.Equal(kind != ModelKind.Symm, ridge.InKernelSpace);
        Assert.Equal(kind == ModelKind.Symm ? model.ParameterCount : KernelGram.Dimension(n), ridge.Dimension);
        Assert.Equal(ridge.Ridge, ridge.Shift);

        var identity = torch.eye(ridge.Dimension, dtype: ScalarType.Float64);
        var columns = torch.stack(Enumerable.Range(0, (int)ridge.Dimension).Select(j => ridge.Apply(identity[j])).ToArray(), 1);
        var departure = (columns.mT.matmul(columns) - identity).abs().max().item<double>();
        Assert.True(departure < 1e-6, $"{kind}: max |AᵀA − I| = {departure:E2}");
    }

    // θ(y) is the model's own parameter vector: the data rows of A y are K θ(y), and the ridge rows have norm √λ‖θ(y)‖.
    [Theory]
    [InlineData(ModelKind.Tied)]
    [InlineData(ModelKind.Herm)]
    [InlineData(ModelKind.Symm)]
    public void RowsAreTheResidualOperatorAndTheParameterNorm(ModelKind kind)
    {
        using var scope = torch.NewDisposeScope();
        using var c = new RidgeCase(kind, 4, samples: 12, seed: 4, relativeRidge: 1e-6, relativeShift: 1e-6);
        var (_, problem, ridge) = (c.Model, c.Problem, c.Ridge);
        var y = torch.randn(new[] { ridge.Dimension }, ScalarType.Float64, generator: new torch.Generator(3));
        var theta = ridge.Parameters(y);
        var image = ridge.Apply(y);
        var dataLength = problem.RightHandSide.NumberOfElements;
        var data = image.narrow(0, 0, dataLength);
        var expected = problem.Apply(theta).reshape(-1);
        Assert.True((data - expected).abs().max().item<double>() <= 1e-12 * expected.abs().max().item<double>());
        var ridgeNorm = image.narrow(0, dataLength, ridge.Dimension).norm().item<double>();
        var thetaNorm = Math.Sqrt(ridge.Ridge) * theta.norm().item<double>();
        Assert.True(Math.Abs(ridgeNorm - thetaNorm) <= 1e-10 * thetaNorm, $"{kind}: ridge rows {ridgeNorm}, √λ‖θ‖ {thetaNorm}");
    }

    // Aᵀ is A's adjoint: ⟨A y, w⟩ = ⟨y, Aᵀ w⟩.
    [Theory]
    [InlineData(ModelKind.Tied)]
    [InlineData(ModelKind.Symm)]
    public void AdjointMatchesTheMap(ModelKind kind)
    {
        using var scope = torch.NewDisposeScope();
        using var c = new RidgeCase(kind, 4, samples: 20, seed: 5, relativeRidge: 1e-10, relativeShift: 1e-8);
        var (_, problem, ridge) = (c.Model, c.Problem, c.Ridge);
        var g = new torch.Generator(7);
        var y = torch.randn(new[] { ridge.Dimension }, ScalarType.Float64, generator: g);
        using var rightHandSide = ridge.RightHandSide();
        var w = torch.randn(rightHandSide.shape, ScalarType.Float64, generator: g);
        var left = ResidualProblems.Dot(ridge.Apply(y), w);
        var right = ResidualProblems.Dot(y, ridge.ApplyAdjoint(w));
        Assert.True(Math.Abs(left - right) <= 1e-10 * Math.Abs(left), $"⟨A y, w⟩ = {left}, ⟨y, Aᵀ w⟩ = {right}");
    }

    // LSMR on the preconditioned problem reaches the ridge solution θ_λ = (KᵀK + λI)⁻¹ Kᵀb in a few iterations. In
    // kernel space too: θ_λ lies in the row space of K, inside the range of Lᵀ, so it is the minimum-norm lift of its
    // kernels, whose norm the kernel-space ridge measures.
    [Theory]
    [InlineData(ModelKind.Tied)]
    [InlineData(ModelKind.Herm)]
    [InlineData(ModelKind.Symm)]
    public void LsmrReachesTheRidgeSolutionInAFewIterations(ModelKind kind)
    {
        using var scope = torch.NewDisposeScope();
        using var c = new RidgeCase(kind, 4, samples: 30, seed: 2, relativeRidge: 1e-6, relativeShift: 1e-6);
        var (model, problem, ridge) = (c.Model, c.Problem, c.Ridge);
        var options = new LsmrOptions { AbsoluteTolerance = 0, RelativeTolerance = 0, ConditionLimit = 0, MaxIterations = 4 };
        using var rightHandSide = ridge.RightHandSide();
        using var lsmr = Lsmr.Start(ridge, rightHandSide, options: options);
        lsmr.Run();
        var theta = ridge.Parameters(lsmr.Solution());

        var (normal, projection) = problem.NormalEquations();
        var expected = torch.linalg.solve(normal + torch.eye(model.ParameterCount, dtype: ScalarType.Float64) * ridge.Ridge, projection);
        var error = (theta - expected).norm().item<double>() / expected.norm().item<double>();
        Assert.True(error < 1e-8, $"{kind}: ‖θ − θ_λ‖/‖θ_λ‖ = {error:E2} after {lsmr.Iteration} iterations");
    }

    [Theory]
    [InlineData(0.0, 1e-14, "ridge")]
    [InlineData(1.0, 1e-14, "ridge")]
    [InlineData(double.NaN, 1e-14, "ridge")]
    [InlineData(1e-20, 0.0, "shift")]
    public void RidgeOrShiftOutsideTheUnitIntervalIsRefused(double ridge, double shift, string key)
    {
        using var samples = ResidualProblems.Random(samples: 4, n: 3, seed: 1);
        using var model = ModelFactory.Create(ModelKind.Symm, 3);
        using var problem = new DerivativeResidual(model, samples);
        var e = Assert.Throws<TdhfInputException>(() => Build(model, problem, samples, ridge, shift));
        Assert.Equal(key, e.Key);
    }

    [Fact]
    public void BasisTooLargeForTheMemoryIsRefusedWithTheSizeNeeded()
    {
        PreconditionedRidge.RequireMemory(14, 24L << 30);
        var e = Assert.Throws<TdhfInputException>(() => PreconditionedRidge.RequireMemory(29, 24L << 30));
        Assert.Contains("N = 29 (354061 kernel coordinates) needs about 3008.6 GB, more than the 25.8 GB available", e.Message);
        Assert.Equal("preconditioner", e.Key);
    }

    private static PreconditionedRidge Build(ILearnablePotential model, DerivativeResidual problem, TrainingSet samples, double relativeRidge, double relativeShift)
    {
        var packed = (IPackedDensityPotential)model;
        using var gram = KernelGram.Compute(packed, samples, problem.Coordinates);
        return PreconditionedRidge.Build(problem, packed, gram, relativeRidge, relativeShift);
    }

    // Random samples, a zero model of one kind, its problem and the preconditioned ridge problem on them.
    private sealed class RidgeCase : IDisposable
    {
        private readonly TrainingSet _samples;

        public RidgeCase(ModelKind kind, int n, int samples, int seed, double relativeRidge, double relativeShift)
        {
            _samples = ResidualProblems.Random(samples, n, seed);
            Model = ModelFactory.Create(kind, n);
            Problem = new DerivativeResidual(Model, _samples);
            Ridge = Build(Model, Problem, _samples, relativeRidge, relativeShift);
        }

        public ILearnablePotential Model { get; }

        public DerivativeResidual Problem { get; }

        public PreconditionedRidge Ridge { get; }

        public void Dispose()
        {
            Ridge.Dispose();
            Problem.Dispose();
            Model.Dispose();
            _samples.Dispose();
        }
    }
}
