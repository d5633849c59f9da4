using TorchSharp;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Models;

public class HermitianPackingTests
{
    [Fact]
    public void PairsRunOverTheUpperTriangleRowByRow()
    {
        using var packing = new HermitianPacking(3);
        Assert.Equal(new[] { (0, 0), (0, 1), (0, 2), (1, 1), (1, 2), (2, 2) }, packing.SymmetricPairs);
        Assert.Equal(new[] { (0, 1), (0, 2), (1, 2) }, packing.AntisymmetricPairs);
        Assert.Equal(2L * 36 + 2L * 9, packing.FlopsPerMatrix);
    }

    [Fact]
    public void PackAddsMirrorsAndTakesTheDiagonalOnce()
    {
        using var scope = torch.NewDisposeScope();
        using var packing = new HermitianPacking(2);
        // X = [[1 + 2i, 3 + 5i], [7 + 11i, 13 + 17i]]
        var x = torch.complex(torch.tensor(new double[] { 1, 3, 7, 13 }), torch.tensor(new double[] { 2, 5, 11, 17 })).reshape(1, 2, 2);
        var (s, a) = packing.Pack(x);
        Assert.Equal(new double[] { 1, 10, 13 }, s.data<double>().ToArray());
        Assert.Equal(new double[] { -6 }, a.data<double>().ToArray());
    }

    [Fact]
    public void UnpackIsExactlyHermitianWithTheGivenUpperTriangle()
    {
        using var scope = torch.NewDisposeScope();
        using var packing = new HermitianPacking(5);
        var real = torch.randn(3, 15, dtype: ScalarType.Float64);
        var imaginary = torch.randn(3, 10, dtype: ScalarType.Float64);
        var g = packing.Unpack(real, imaginary);
        Assert.True(g.eq(g.mH.resolve_conj()).all().item<bool>());
        var flat = g.reshape(3, 25);
        Assert.True(torch.real(flat).index_select(1, packing.Upper).eq(real).all().item<bool>());
        Assert.True(torch.imag(flat).index_select(1, packing.UpperStrict).eq(imaginary).all().item<bool>());
    }

    [Fact]
    public void PackIsTheAdjointOfUnpack()
    {
        using var scope = torch.NewDisposeScope();
        using var packing = new HermitianPacking(6);
        var real = torch.randn(4, 21, dtype: ScalarType.Float64);
        var imaginary = torch.randn(4, 15, dtype: ScalarType.Float64);
        var y = torch.randn(new long[] { 4, 6, 6 }, ScalarType.ComplexFloat64);
        var (ys, ya) = packing.Pack(y);
        var left = torch.real(packing.Unpack(real, imaginary).conj() * y).sum().item<double>();
        var right = (real * ys).sum().item<double>() + (imaginary * ya).sum().item<double>();
        Assert.Equal(right, left, 1e-11);
    }

    [Fact]
    public void ApplyOfFoldedKernelEqualsDenseMapOnTheHermitianPart()
    {
        using var scope = torch.NewDisposeScope();
        const int n = 5;
        using var packing = new HermitianPacking(n);
        // K[ij, kl] = K[ji, lk] makes K map symmetric to symmetric and antisymmetric to antisymmetric matrices.
        var m = torch.randn(n, n, n, n, dtype: ScalarType.Float64);
        var kernel = (m + m.permute(1, 0, 3, 2)).reshape(n * n, n * n);
        var x = torch.randn(new long[] { 3, n, n }, ScalarType.ComplexFloat64);
        var hermitianPart = (0.5 * (x + x.mH)).resolve_conj();
        var dense = torch.complex(torch.real(hermitianPart).reshape(3, n * n).matmul(kernel.mT), torch.imag(hermitianPart).reshape(3, n * n).matmul(kernel.mT)).reshape(3, n, n);
        var (symmetric, antisymmetric) = packing.FoldDense(kernel);
        var packed = packing.Apply(symmetric, antisymmetric, x);
        Assert.True((packed - dense).abs().max().item<double>() < 1e-12);
    }

    [Fact]
    public void KernelAdjointIsTheGradientOfTheInnerProduct()
    {
        using var scope = torch.NewDisposeScope();
        const int n = 4;
        using var packing = new HermitianPacking(n);
        var symmetric = torch.randn(10, 10, dtype: ScalarType.Float64).requires_grad_(true);
        var antisymmetric = torch.randn(6, 6, dtype: ScalarType.Float64).requires_grad_(true);
        var x = torch.randn(new long[] { 3, n, n }, ScalarType.ComplexFloat64);
        var y = torch.randn(new long[] { 3, n, n }, ScalarType.ComplexFloat64);
        torch.real(packing.Apply(symmetric, antisymmetric, x).conj() * y).sum().backward();
        var (gs, ga) = packing.KernelAdjoint(x, y);
        Assert.True((gs - symmetric.grad!).abs().max().item<double>() < 1e-12);
        Assert.True((ga - antisymmetric.grad!).abs().max().item<double>() < 1e-12);
    }

    [Fact]
    public void RejectsAnEmptyBasis() => Assert.Throws<ArgumentOutOfRangeException>(() => new HermitianPacking(0));
}
