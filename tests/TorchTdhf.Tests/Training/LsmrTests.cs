using TorchSharp;
using TorchTdhf.Training;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training;

public class LsmrTests
{
    private static readonly LsmrOptions Tight = new() { AbsoluteTolerance = 1e-14, RelativeTolerance = 1e-14, ConditionLimit = 0, MaxIterations = 500 };

    private static Tensor Randn(torch.Generator g, params long[] shape) => torch.randn(shape, ScalarType.Float64, generator: g);

    private static double RelativeError(Tensor x, Tensor reference) => ((x - reference).norm().item<double>()) / reference.norm().item<double>();

    [Theory]
    [InlineData(60, 20, false)]
    [InlineData(60, 20, true)]
    [InlineData(15, 40, false)]
    [InlineData(15, 40, true)]
    public void MatchesTheMinimumNormLeastSquaresSolution(int m, int n, bool complexRange)
    {
        using var scope = torch.NewDisposeScope();
        var g = new torch.Generator(11);
        using var a = new MatrixOperator(Randn(g, m, n), complexRange ? Randn(g, m, n) : null);
        var b = complexRange ? torch.complex(Randn(g, m), Randn(g, m)) : Randn(g, m);
        var reference = torch.linalg.pinv(a.Real).matmul(a.AsReal(b));
        var log = new List<LsmrIteration>();
        using var lsmr = Lsmr.Start(a, b, options: Tight);
        var stop = lsmr.Run(log.Add);

        Assert.NotEqual(LsmrStop.IterationLimit, stop);
        var x = lsmr.Solution();
        Assert.True(RelativeError(x, reference) < 1e-10, $"{stop} after {lsmr.Iteration}: error {RelativeError(x, reference)}");
        var trueResidual = (a.AsReal(b) - a.Real.matmul(x)).norm().item<double>();
        Assert.Equal(trueResidual, log[^1].ResidualNorm, 1e-9 * Math.Max(1, trueResidual));
        for (var k = 1; k < log.Count; k++)
            Assert.True(log[k].NormalResidualNorm <= log[k - 1].NormalResidualNorm * (1 + 1e-10), $"‖Aᵀr‖ rose at iteration {k}");
    }

    [Fact]
    public void LsqrLikeProblemMatchesLstsq()
    {
        using var scope = torch.NewDisposeScope();
        var g = new torch.Generator(3);
        using var a = new MatrixOperator(Randn(g, 50, 12));
        var b = Randn(g, 50);
        var reference = torch.linalg.lstsq(a.Real, b.unsqueeze(1)).Solution.squeeze(1);
        using var lsmr = Lsmr.Start(a, b, options: Tight);
        lsmr.Run();
        Assert.True(RelativeError(lsmr.Solution(), reference) < 1e-10);
    }

    [Fact]
    public void DampingSolvesTheAugmentedProblem()
    {
        using var scope = torch.NewDisposeScope();
        var g = new torch.Generator(5);
        const double lambda = 0.7;
        using var a = new MatrixOperator(Randn(g, 30, 20), Randn(g, 30, 20));
        var b = torch.complex(Randn(g, 30), Randn(g, 30));
        var augmented = torch.cat(new[] { a.Real, lambda * torch.eye(20, dtype: ScalarType.Float64) }, 0);
        var rhs = torch.cat(new[] { a.AsReal(b), torch.zeros(20, ScalarType.Float64) }, 0);
        var reference = torch.linalg.lstsq(augmented, rhs.unsqueeze(1)).Solution.squeeze(1);
        using var lsmr = Lsmr.Start(a, b, options: Tight with { Damping = lambda });
        lsmr.Run();
        var x = lsmr.Solution();
        Assert.True(RelativeError(x, reference) < 1e-10);
        var augmentedResidual = (rhs - augmented.matmul(x)).norm().item<double>();
        Assert.Equal(augmentedResidual, lsmr.Current.ResidualNorm, 1e-9 * augmentedResidual);
    }

    [Fact]
    public void WarmStartSolvesForTheCorrection()
    {
        using var scope = torch.NewDisposeScope();
        var g = new torch.Generator(8);
        const double lambda = 0.3;
        using var a = new MatrixOperator(Randn(g, 40, 10));
        var b = Randn(g, 40);
        var x0 = Randn(g, 10);
        // Damping acts on x − x₀: the minimiser of ‖A x − b‖² + λ²‖x − x₀‖².
        var augmented = torch.cat(new[] { a.Real, lambda * torch.eye(10, dtype: ScalarType.Float64) }, 0);
        var rhs = torch.cat(new[] { b, lambda * x0 }, 0);
        var reference = torch.linalg.lstsq(augmented, rhs.unsqueeze(1)).Solution.squeeze(1);
        using var lsmr = Lsmr.Start(a, b, x0, Tight with { Damping = lambda });
        lsmr.Run();
        Assert.True(RelativeError(lsmr.Solution(), reference) < 1e-10);

        // Started at the solution of a consistent system, there is nothing to do.
        var consistent = a.Apply(x0);
        using var solved = Lsmr.Start(a, consistent, x0, Tight);
        Assert.Equal(LsmrStop.StartingPointSolves, solved.Stop);
        Assert.True(solved.IsFinished);
        Assert.Equal(0.0, (solved.Solution() - x0).abs().max().item<double>());
    }

    [Fact]
    public void ConditionLimitStopsAnIllConditionedProblemEarly()
    {
        using var scope = torch.NewDisposeScope();
        var g = new torch.Generator(13);
        const int n = 30;
        var (u, _) = torch.linalg.qr(Randn(g, 60, n));
        var (v, _) = torch.linalg.qr(Randn(g, n, n));
        var singular = torch.logspace(0, -12, n, dtype: ScalarType.Float64);
        using var a = new MatrixOperator(u.matmul(torch.diag(singular)).matmul(v.mT));
        var b = Randn(g, 60);
        using var lsmr = Lsmr.Start(a, b, options: Tight with { ConditionLimit = 1e4 });
        lsmr.Run();
        Assert.Equal(LsmrStop.ConditionLimit, lsmr.Stop);
        Assert.True(lsmr.Current.ConditionEstimate >= 1e4);
        Assert.True(lsmr.Iteration < n, $"{lsmr.Iteration} iterations");
    }

    [Fact]
    public void IterationLimitIsReported()
    {
        using var scope = torch.NewDisposeScope();
        var g = new torch.Generator(1);
        using var a = new MatrixOperator(Randn(g, 30, 30));
        using var lsmr = Lsmr.Start(a, Randn(g, 30), options: Tight with { MaxIterations = 3 });
        lsmr.Run();
        Assert.Equal((LsmrStop.IterationLimit, 3), (lsmr.Stop, lsmr.Iteration));
        Assert.Throws<InvalidOperationException>(() => lsmr.Step());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(4L * 25 * sizeof(double))]
    [InlineData(1L << 20)]
    public void ExportedStateResumesBitIdentically(long reorthogonalisationBytes)
    {
        using var scope = torch.NewDisposeScope();
        using var folder = new TempFolder();
        var g = new torch.Generator(21);
        using var a = new MatrixOperator(Randn(g, 40, 25), Randn(g, 40, 25));
        var b = torch.complex(Randn(g, 40), Randn(g, 40));
        // No reorthogonalisation; a basis that fills up (4 vectors) before the export; one that keeps every v.
        var options = Tight with { Damping = 0.1, ReorthogonalisationBytes = reorthogonalisationBytes };
        using var original = Lsmr.Start(a, b, Randn(g, 25), options);
        for (var k = 0; k < 6; k++) original.Step();
        using (var state = original.Export()) state.Write(folder.File("lsmr.npz"));
        using var loaded = LsmrState.Read(folder.File("lsmr.npz"));
        using var resumed = Lsmr.Resume(a, loaded, options);
        Assert.Equal(original.Current, resumed.Current);
        for (var k = 0; k < 8; k++)
        {
            var expected = original.Step();
            Assert.Equal(expected, resumed.Step());
            Assert.True(Bits.Identical(original.Solution(), resumed.Solution()), $"iterate {expected.Iteration} differs");
        }
        using var before = original.Export();
        using var after = resumed.Export();
        foreach (var (name, tensor) in before.Tensors) Assert.True(Bits.Identical(tensor, after.Tensors[name]), name);
        Assert.Equal(before.Scalars, after.Scalars);
    }

    [Fact]
    public void BadOptionsAndIncompleteStatesAreClearErrors()
    {
        using var scope = torch.NewDisposeScope();
        var g = new torch.Generator(2);
        using var a = new MatrixOperator(Randn(g, 5, 3));
        var b = Randn(g, 5);
        Assert.Equal("damping", Assert.Throws<TdhfInputException>(() => Lsmr.Start(a, b, options: new LsmrOptions { Damping = -1 })).Key);
        Assert.Equal("max-iterations", Assert.Throws<TdhfInputException>(() => Lsmr.Start(a, b, options: new LsmrOptions { MaxIterations = 0 })).Key);
        using var lsmr = Lsmr.Start(a, b);
        using var state = lsmr.Export();
        using var partial = new LsmrState(state.Tensors.Where(p => p.Key != "hBar").ToDictionary(p => p.Key, p => p.Value.clone()), state.Scalars, state.Counters);
        Assert.Equal("hBar", Assert.Throws<TdhfInputException>(() => Lsmr.Resume(a, partial)).Key);
        Assert.Equal("reorth-memory", Assert.Throws<TdhfInputException>(() => Lsmr.Start(a, b, options: new LsmrOptions { ReorthogonalisationBytes = -1 })).Key);

        using var reorthogonalised = Lsmr.Start(a, b, options: new LsmrOptions { ReorthogonalisationBytes = 1 << 20 });
        using var full = reorthogonalised.Export();
        using var withoutBasis = new LsmrState(full.Tensors.Where(p => p.Key != "basis").ToDictionary(p => p.Key, p => p.Value.clone()), full.Scalars, full.Counters);
        Assert.Equal("basis", Assert.Throws<TdhfInputException>(() => Lsmr.Resume(a, withoutBasis)).Key);
        Assert.Equal(1, full.Counters["basisCount"]);
    }

    // A = U diag(σ) Vᵀ with σ from 1 down to 1e-6 and an inconsistent b: the spectrum of derivative matching on one
    // trajectory in miniature.
    private static (MatrixOperator A, Tensor B, Tensor Reference) IllConditioned(int m, int n)
    {
        var g = new torch.Generator(17);
        var (u, _) = torch.linalg.qr(Randn(g, m, n));
        var (v, _) = torch.linalg.qr(Randn(g, n, n));
        var matrix = u.matmul(torch.diag(torch.logspace(0, -6, n, dtype: ScalarType.Float64))).matmul(v.mT);
        var b = Randn(g, m);
        return (new MatrixOperator(matrix), b, torch.linalg.lstsq(matrix, b.unsqueeze(1)).Solution.squeeze(1));
    }

    [Fact]
    public void ReorthogonalisationSolvesAnIllConditionedProblemInAsManyIterationsAsUnknowns()
    {
        using var scope = torch.NewDisposeScope();
        const int n = 60;
        var (matrix, b, reference) = IllConditioned(400, n);
        using var a = matrix;
        var optimum = (b - a.Real.matmul(reference)).norm().item<double>();
        var options = Tight with { MaxIterations = n + 5 };
        using var plain = Lsmr.Start(a, b, options: options);
        plain.Run();
        using var reorthogonalised = Lsmr.Start(a, b, options: options with { ReorthogonalisationBytes = 1 << 20 });
        reorthogonalised.Run();

        Assert.Equal(n, reorthogonalised.ReorthogonalisationCapacity);
        var x = reorthogonalised.Solution();
        Assert.True(RelativeError(x, reference) < 1e-6, $"{reorthogonalised.Stop} after {reorthogonalised.Iteration}: error {RelativeError(x, reference)}");
        var residual = (b - a.Real.matmul(x)).norm().item<double>();
        var plainResidual = (b - a.Real.matmul(plain.Solution())).norm().item<double>();
        Assert.True(residual <= optimum * (1 + 1e-12), $"‖r‖ {residual} above the optimum {optimum}");
        // Without it the v's lose orthogonality and the same number of iterations leaves the excess residual orders larger.
        Assert.True(plainResidual - optimum > 1e3 * Math.Max(residual - optimum, 1e-15 * optimum), $"plain {plainResidual - optimum:E3}, reorthogonalised {residual - optimum:E3}");
    }

    [Fact]
    public void ReorthogonalisationKeepsAtMostItsCapacity()
    {
        using var scope = torch.NewDisposeScope();
        var (matrix, b, _) = IllConditioned(50, 20);
        using var a = matrix;
        // The budget and the domain's dimension bound the number of kept vectors; the iteration limit does not, so that
        // a run resumed with a higher limit reorthogonalises as an uninterrupted one would.
        Assert.Equal(3, Capacity(3 * 20 * sizeof(double) + 7, 100));
        Assert.Equal(20, Capacity(1 << 20, 5));
        Assert.Equal(20, Capacity(1 << 20, 100));
        Assert.Equal(0, Capacity(0, 100));

        using var lsmr = Lsmr.Start(a, b, options: Tight with { ReorthogonalisationBytes = 3 * 20 * sizeof(double) });
        for (var k = 0; k < 6; k++) lsmr.Step();
        using var state = lsmr.Export();
        Assert.Equal(new long[] { 3, 20 }, state.Tensors["basis"].shape);
        Assert.Equal(3, state.Counters["basisCapacity"]);

        long Capacity(long bytes, int iterations)
        {
            using var probe = Lsmr.Start(a, b, options: Tight with { ReorthogonalisationBytes = bytes, MaxIterations = iterations });
            return probe.ReorthogonalisationCapacity;
        }
    }

    [Fact]
    public void StateOfASolvedStartWithAnEmptyBasisRoundTrips()
    {
        using var scope = torch.NewDisposeScope();
        using var folder = new TempFolder();
        var g = new torch.Generator(4);
        using var a = new MatrixOperator(Randn(g, 12, 5));
        var x0 = Randn(g, 5);
        using var solved = Lsmr.Start(a, a.Apply(x0), x0, Tight with { ReorthogonalisationBytes = 1 << 20 });
        Assert.Equal(LsmrStop.StartingPointSolves, solved.Stop);
        using (var state = solved.Export()) state.Write(folder.File("lsmr.npz"));
        using var loaded = LsmrState.Read(folder.File("lsmr.npz"));
        using var resumed = Lsmr.Resume(a, loaded, Tight);
        Assert.Equal(solved.Current, resumed.Current);
        Assert.Equal(solved.ReorthogonalisationCapacity, resumed.ReorthogonalisationCapacity);
    }
}
