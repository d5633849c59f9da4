using TorchSharp;
using TorchTdhf.Models;
using TorchTdhf.Training;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training;

public class DerivativeResidualTests
{
    private const int N = 4;
    private const int Samples = 9;

    public static TheoryData<string> Models => LearnableModels.Names;

    // r(θ) through the module's own differentiable Apply, independent of ApplyWith and Adjoint: [S, N, N, 2] real view.
    private static Tensor AutogradResidual(ILearnablePotential model, TrainingSet set)
    {
        var g = model.Apply(set.Densities);
        return torch.view_as_real(set.Targets - (g.matmul(set.Densities) - set.Densities.matmul(g)));
    }

    /// <summary>Every model at the basis sizes the issue names.</summary>
    public static TheoryData<string, int> ModelsAndSizes
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var name in LearnableModels.All)
                foreach (var n in new[] { 4, 7, 11 }) data.Add(name, n);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ModelsAndSizes))]
    public void JacobianProductsMatchAutograd(string name, int n)
    {
        using var scope = torch.NewDisposeScope();
        using var model = LearnableModels.Create(name, n, seed: 1);
        using var set = ResidualProblems.Random(Samples, n, seed: 2);
        using var problem = new DerivativeResidual(model, set, new DerivativeResidualOptions { ChunkSize = 4 });
        var g = new torch.Generator(3);
        var v = torch.randn(model.ParameterCount, ScalarType.Float64, generator: g);
        var w = torch.complex(torch.randn(new long[] { Samples, n, n }, ScalarType.Float64, generator: g), torch.randn(new long[] { Samples, n, n }, ScalarType.Float64, generator: g));
        var parameters = model.Module.parameters().ToArray();

        // Jᵀw: the gradient of ⟨w, r(θ)⟩; the θ-dependent part of r is anti-Hermitian, so only w's coordinates matter.
        var pairing = (AutogradResidual(model, set) * torch.view_as_real(w)).sum();
        var vjp = Flatten(torch.autograd.grad(new[] { pairing }, parameters));
        var transposed = -problem.ApplyAdjoint(problem.Coordinates.Coordinates(w));
        AssertClose(vjp, transposed, 1e-10);

        // J v by double backward: the gradient with respect to w̃ of ⟨Jᵀw̃, v⟩.
        var dummy = torch.zeros(new long[] { Samples, n, n, 2 }, ScalarType.Float64, requires_grad: true);
        var linear = Flatten(torch.autograd.grad(new[] { (AutogradResidual(model, set) * dummy).sum() }, parameters, create_graph: true));
        var jvp = torch.autograd.grad(new[] { (linear * v).sum() }, new[] { dummy })[0];
        var forward = torch.view_as_real(problem.Coordinates.Matrices(-problem.Apply(v)));
        AssertClose(jvp, forward, 1e-10);

        // ⟨J v, w⟩ = ⟨v, Jᵀ w⟩ in the coordinates of the residual space.
        var coordinates = torch.randn(problem.RightHandSide.shape, ScalarType.Float64, generator: g);
        var left = ResidualProblems.Dot(problem.Apply(v), coordinates);
        var right = ResidualProblems.Dot(v, problem.ApplyAdjoint(coordinates));
        Assert.True(Math.Abs(left - right) <= 1e-10 * Math.Max(1, Math.Abs(left)), $"⟨Kv, w⟩ = {left}, ⟨v, Kᵀw⟩ = {right}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void LossAndGradientMatchAutograd(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var model = LearnableModels.Create(name, N, seed: 4);
        using var set = ResidualProblems.Random(Samples, N, seed: 5);
        using var problem = new DerivativeResidual(model, set, new DerivativeResidualOptions { ChunkSize = 2 });
        var theta = model.GetParameters();
        var loss = AutogradResidual(model, set).square().sum();
        var gradient = Flatten(torch.autograd.grad(new[] { loss }, model.Module.parameters().ToArray()));
        var (value, computed) = problem.LossAndGradient(theta);
        Assert.Equal(loss.item<double>(), value, 1e-10 * loss.item<double>());
        Assert.Equal(value, problem.Loss(theta));
        AssertClose(gradient, computed, 1e-10);
        // The residual vector holds r's anti-Hermitian part; its Hermitian part is b's, which no θ changes.
        var residual = problem.Residual(theta);
        var full = torch.view_as_complex(AutogradResidual(model, set).detach().contiguous());
        AssertClose(problem.Coordinates.Coordinates(full), residual, 1e-12);
        AssertClose(residual, problem.RightHandSide - problem.Apply(theta), 1e-12);
        var hermitianTarget = (set.Targets + set.Targets.mH) * 0.5;
        AssertClose(full, problem.Coordinates.Matrices(residual) + hermitianTarget, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void ChunkedPassesEqualOnePass(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var model = LearnableModels.Create(name, N, seed: 6);
        using var set = ResidualProblems.Random(Samples, N, seed: 7);
        using var whole = new DerivativeResidual(model, set, new DerivativeResidualOptions { ChunkSize = 1000 });
        using var chunked = new DerivativeResidual(model, set, new DerivativeResidualOptions { ChunkSize = 4 });
        Assert.Equal((long)Samples, whole.ChunkSize);
        Assert.Equal(4L, chunked.ChunkSize);
        var theta = model.GetParameters();
        AssertClose(whole.Apply(theta), chunked.Apply(theta), 1e-13);
        AssertClose(whole.RightHandSide, chunked.RightHandSide, 0);
        AssertClose(whole.ApplyAdjoint(whole.RightHandSide), chunked.ApplyAdjoint(whole.RightHandSide), 1e-12);
        AssertClose(whole.Residual(theta), chunked.Residual(theta), 1e-13);
        Assert.Equal(whole.Loss(theta), chunked.Loss(theta), 1e-12 * whole.Loss(theta));
        var (wholeGram, wholeProjection) = whole.NormalEquations();
        var (chunkGram, chunkProjection) = chunked.NormalEquations();
        AssertClose(wholeGram, chunkGram, 1e-12);
        AssertClose(wholeProjection, chunkProjection, 1e-12);
    }

    [Fact]
    public void DefaultChunkFollowsTheMemoryBudget()
    {
        var options = new DerivativeResidualOptions { MemoryBudgetBytes = 128L * 16 * 100 };
        Assert.Equal(100, options.ChunkFor(1_000_000, 4));
        Assert.Equal(7, options.ChunkFor(7, 4));
        Assert.Equal(1, new DerivativeResidualOptions { MemoryBudgetBytes = 1 }.ChunkFor(50, 60));
        Assert.Equal("chunk-size", Assert.Throws<TdhfInputException>(() => new DerivativeResidualOptions { ChunkSize = 0 }.ChunkFor(5, 4)).Key);
    }

    private static Tensor Flatten(IList<Tensor> parts) => torch.cat(parts.Select(p => p.reshape(-1)).ToArray(), 0);

    private static void AssertClose(Tensor expected, Tensor actual, double relative)
    {
        Assert.Equal(expected.shape, actual.shape);
        var scale = Math.Max(1, RealMax(expected));
        var error = RealMax(expected - actual);
        Assert.True(error <= relative * scale, $"largest difference {error:E3} (scale {scale:E3})");
    }

    private static double RealMax(Tensor t) => (t.is_complex() ? torch.view_as_real(t) : t).abs().max().item<double>();
}
