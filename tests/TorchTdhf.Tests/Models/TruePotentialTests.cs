using System.Numerics;
using TorchSharp;
using TorchTdhf.Models;
using TorchTdhf.Tests.Dynamics;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Models;

public class TruePotentialTests
{
    [Fact]
    public void BatchedProductEqualsElementwiseFormulaPerMatrix()
    {
        using var reference = ReferenceCase.Water();
        using var scope = torch.NewDisposeScope();
        var n = reference.BasisSize;
        var eri = reference.Eri.contiguous().data<double>().ToArray();
        var densities = RandomHermitian(5, n, seed: 7);
        var batched = reference.Potential.Apply(densities);
        Assert.Equal(new long[] { 5, n, n }, batched.shape);
        Assert.Equal(ScalarType.ComplexFloat64, batched.dtype);

        var worst = 0.0;
        for (var b = 0; b < 5; b++)
        {
            var p = densities[b].contiguous().data<Complex>().ToArray();
            var g = batched[b].contiguous().data<Complex>().ToArray();
            for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var expected = Complex.Zero;
                for (var k = 0; k < n; k++)
                for (var l = 0; l < n; l++)
                    expected += (eri[((i * n + j) * n + k) * n + l] - 0.5 * eri[((i * n + k) * n + j) * n + l]) * p[k * n + l];
                worst = Math.Max(worst, Complex.Abs(expected - g[i * n + j]));
            }
        }
        Assert.True(worst < 1e-13, $"max deviation {worst:E2}");
    }

    [Fact]
    public void GroundStateFockCommutesWithGroundStateDensity()
    {
        using var reference = ReferenceCase.HeHPlus();
        using var scope = torch.NewDisposeScope();
        var p = reference.InitialDensity;
        var fock = reference.CoreHamiltonian + reference.Potential.Apply(p);
        var commutator = (fock.matmul(p) - p.matmul(fock)).abs().max().item<double>();
        Assert.True(commutator < 1e-8, $"max |[F, P0]| = {commutator:E2}");
        Assert.Equal(reference.ElectronCount, p[0].diagonal().sum().real.item<double>(), 10);
    }

    [Fact]
    public void GradientsFlowToTheDensity()
    {
        using var reference = ReferenceCase.HeHPlus();
        using var scope = torch.NewDisposeScope();
        var density = RandomHermitian(2, reference.BasisSize, seed: 3).requires_grad_(true);
        var loss = reference.Potential.Apply(density).abs().pow(2).sum();
        loss.backward();
        Assert.NotNull(density.grad);
        Assert.True(density.grad!.abs().max().item<double>() > 0);
    }

    [Fact]
    public void RejectsDensitiesOfTheWrongShapeOrType()
    {
        using var reference = ReferenceCase.HeHPlus();
        using var real = torch.zeros(1, 4, 4, dtype: ScalarType.Float64);
        using var wrongSize = torch.zeros(1, 3, 3, dtype: ScalarType.ComplexFloat64);
        using var unbatched = torch.zeros(4, 4, dtype: ScalarType.ComplexFloat64);
        Assert.Throws<ArgumentException>(() => reference.Potential.Apply(real));
        Assert.Throws<ArgumentException>(() => reference.Potential.Apply(wrongSize));
        Assert.Throws<ArgumentException>(() => reference.Potential.Apply(unbatched));
        using var notSquare = torch.zeros(4, 4, 4, 3, dtype: ScalarType.Float64);
        Assert.Throws<ArgumentException>(() => new TruePotential(notSquare));
    }

    /// <summary>Random Hermitian [B, n, n] complex128 matrices.</summary>
    internal static Tensor RandomHermitian(int batch, int n, int seed)
    {
        using var generator = new Generator((ulong)seed);
        using var scope = torch.NewDisposeScope();
        var a = torch.randn(new long[] { batch, n, n }, ScalarType.ComplexFloat64, generator: generator);
        return (0.5 * (a + a.mH)).resolve_conj().MoveToOuterDisposeScope();
    }
}
