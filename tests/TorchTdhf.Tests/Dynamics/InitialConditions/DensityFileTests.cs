using System.Numerics;
using TorchSharp;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.IO;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics.InitialConditions;

public class DensityFileTests
{
    [Fact]
    public void ReadsOurConventionUnchanged()
    {
        using var folder = new TempFolder();
        using var scope = torch.NewDisposeScope();
        var stack = RandomIdempotentEnsemble.Generate(TestDensities.Aufbau(5, 4), 4, 2.0, 3, 3);
        var path = folder.File("stack.npy");
        Npy.Write(path, NpyArray.FromTensor(stack));
        var loaded = DensityFile.Load(path, new DensityImportOptions { ElectronCount = 4, BasisSize = 5 });
        Assert.Equal(TestDensities.Bytes(stack), TestDensities.Bytes(loaded));
    }

    [Fact]
    public void ConvertsThePapersGroundStateTo2ConjP()
    {
        using var scope = torch.NewDisposeScope();
        var options = new DensityImportOptions { ElectronCount = 2, Key = "p0_orthonormal", Convention = DensityConvention.Paper };
        var p = DensityFile.Load(PaperFixtures.HehPlus, options);
        Assert.Equal(new long[] { 4, 4 }, p.shape);
        using var npz = NpzReader.Open(PaperFixtures.HehPlus);
        var raw = npz.Get("p0_orthonormal").ToTensor();
        Assert.True((p - 2 * raw.conj_physical()).abs().max().item<double>() == 0);
        Assert.True(TestDensities.TraceError(p, 2) < 1e-5);
        Assert.True(raw.imag.abs().max().item<double>() > 0, "the fixture should have imaginary parts, or conjugation goes untested");
    }

    [Fact]
    public void ThePapersEnsembleFailsTheTraceCheckNamingTheMember()
    {
        var options = new DensityImportOptions { ElectronCount = 2, Key = "p0_ensemble", Convention = DensityConvention.Paper };
        var error = Assert.Throws<TdhfInputException>(() => DensityFile.Load(PaperFixtures.HehPlus, options));
        Assert.Equal(PaperFixtures.HehPlus, error.File);
        Assert.Equal("p0_ensemble", error.Key);
        // Member 0 holds 2 electrons; member 1 holds 4 (README: traces {1: 27, 2: 64, 3: 9} in the paper's units).
        Assert.Contains("member 1 (zero-based) of 100 has trace 4", error.Message);
        Assert.Contains("off by 2", error.Message);
        Assert.Contains("[73 of 100 members fail", error.Message);
        Assert.Contains("CheckTrace", error.Message);
    }

    [Fact]
    public void ThePapersEnsembleLoadsWithTheTraceCheckOff()
    {
        using var scope = torch.NewDisposeScope();
        var options = new DensityImportOptions { ElectronCount = 2, Key = "p0_ensemble", Convention = DensityConvention.Paper, CheckTrace = false };
        var ensemble = DensityFile.Load(PaperFixtures.HehPlus, options);
        Assert.Equal(new long[] { 100, 4, 4 }, ensemble.shape);
        Assert.True(TestDensities.IdempotencyError(ensemble) < 1e-12);
        Assert.False(DensityFile.Spec(PaperFixtures.HehPlus, options).TraceChecked);
    }

    [Fact]
    public void RejectsANonHermitianMember()
    {
        var error = LoadBroken(stack => stack[1, 0, 3].add_(0.01));
        Assert.Contains("member 1 (zero-based) of 3 is not Hermitian", error.Message);
        Assert.Contains("0.01", error.Message);
    }

    [Fact]
    public void RejectsNonFiniteEntries()
    {
        var error = LoadBroken(stack => stack[2, 1, 1].fill_(double.NaN));
        Assert.Contains("member 2 (zero-based) of 3 has non-finite", error.Message);
    }

    [Fact]
    public void RejectsANonIdempotentMember()
    {
        // 0.5·1 has the right trace (2) and is Hermitian, so only the idempotency check can catch it.
        var error = LoadBroken(stack => stack[0].copy_(torch.eye(4, dtype: ScalarType.ComplexFloat64).mul(0.5)));
        Assert.Contains("member 0 (zero-based) of 3 is not idempotent: max |P² − 2P| = 0.75", error.Message);
    }

    [Theory]
    [InlineData(new long[] { 4, 5 })]
    [InlineData(new long[] { 2, 3, 4 })]
    [InlineData(new long[] { 4 })]
    public void RejectsWrongShapes(long[] shape)
    {
        using var folder = new TempFolder();
        var path = folder.File("bad.npy");
        var count = shape.Aggregate(1L, (a, b) => a * b);
        Npy.Write(path, NpyArray.Of(new Complex[count], shape));
        var error = Assert.Throws<TdhfInputException>(() => DensityFile.Load(path, new DensityImportOptions { ElectronCount = 2 }));
        Assert.Contains("bad.npy", error.Message);
        Assert.Contains("expected a density [N, N] or a stack [B, N, N]", error.Message);
    }

    [Fact]
    public void RejectsTheWrongBasisSize()
    {
        var options = new DensityImportOptions { ElectronCount = 2, Key = "p0_orthonormal", Convention = DensityConvention.Paper, BasisSize = 6 };
        var error = Assert.Throws<TdhfInputException>(() => DensityFile.Load(PaperFixtures.HehPlus, options));
        Assert.Contains("N = 6", error.Message);
    }

    [Fact]
    public void AnArchiveWithoutAKeyListsItsKeys()
    {
        var error = Assert.Throws<TdhfInputException>(() => DensityFile.Load(PaperFixtures.HehPlus, new DensityImportOptions { ElectronCount = 2 }));
        Assert.Contains("p0_ensemble", error.Message);
    }

    [Fact]
    public void RejectsNegativeTolerancesNamingTheOption()
    {
        var options = new DensityImportOptions { ElectronCount = 2, Key = "p0_orthonormal", TraceTolerance = -1 };
        Assert.Equal("trace-tolerance", Assert.Throws<TdhfInputException>(() => DensityFile.Load(PaperFixtures.HehPlus, options)).Key);
    }

    private static TdhfInputException LoadBroken(Action<Tensor> breakIt)
    {
        using var folder = new TempFolder();
        using var scope = torch.NewDisposeScope();
        var stack = RandomIdempotentEnsemble.Generate(TestDensities.Aufbau(4, 2), 2, 1.0, 5, 3);
        breakIt(stack);
        var path = folder.File("broken.npy");
        Npy.Write(path, NpyArray.FromTensor(stack));
        var error = Assert.Throws<TdhfInputException>(() => DensityFile.Load(path, new DensityImportOptions { ElectronCount = 2 }));
        Assert.Equal(path, error.File);
        return error;
    }
}
