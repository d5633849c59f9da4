using TorchTdhf.Chemistry;
using TorchTdhf.Chemistry.Integrals;

namespace TorchTdhf.Tests.Chemistry.Integrals;

/// <summary>Structure of the ERI tensor: permutational symmetry, Schwarz bounds, screening and threading.</summary>
public sealed class EriTensorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TensorHasTheEightfoldPermutationalSymmetry(bool pure)
    {
        var basis = HandBuiltBases.NitrogenHydrogenDf(pure);
        var eri = IntegralEngine.ElectronRepulsion(basis);
        long n = basis.FunctionCount;

        var asymmetric = 0;
        for (long m = 0; m < n; m++)
        {
            for (long k = 0; k < n; k++)
            {
                for (long l = 0; l < n; l++)
                {
                    for (long s = 0; s < n; s++)
                    {
                        var v = eri[Index(n, m, k, l, s)];
                        if (v != eri[Index(n, k, m, l, s)] || v != eri[Index(n, m, k, s, l)] || v != eri[Index(n, l, s, m, k)]) asymmetric++;
                    }
                }
            }
        }
        Assert.Equal(0, asymmetric);
    }

    [Fact]
    public void EveryIntegralObeysTheSchwarzInequality()
    {
        var basis = Psi4ReferenceCase.Load("nh3_cc-pvdz").Basis;
        var eri = IntegralEngine.ElectronRepulsion(basis);
        long n = basis.FunctionCount;

        var violations = 0;
        for (long m = 0; m < n; m++)
        {
            for (long k = 0; k < n; k++)
            {
                var mk = eri[Index(n, m, k, m, k)];
                if (mk < 0) violations++;
                for (long l = 0; l < n; l++)
                {
                    for (long s = 0; s < n; s++)
                    {
                        var v = eri[Index(n, m, k, l, s)];
                        if (v * v > mk * eri[Index(n, l, s, l, s)] * (1 + 1e-12) + 1e-28) violations++;
                    }
                }
            }
        }
        Assert.Equal(0, violations);
    }

    [Fact]
    public void SchwarzScreeningSkipsQuartetsWithoutChangingTheTensor()
    {
        var basis = HandBuiltBases.HydrogenChain(atoms: 6);

        var screened = IntegralEngine.ElectronRepulsionWithStatistics(basis);
        var exact = IntegralEngine.ElectronRepulsionWithStatistics(basis, new IntegralOptions { SchwarzThreshold = 0 });

        Assert.True(screened.ScreenedQuartets > screened.ShellQuartets / 4, $"{screened.ScreenedQuartets} of {screened.ShellQuartets} screened");
        Assert.Equal(0, exact.ScreenedQuartets);
        Assert.Equal(exact.ShellQuartets, exact.ComputedQuartets);
        Assert.True(Matrices.MaxAbsDifference(exact.Eri, screened.Eri) < 1e-13);
    }

    [Fact]
    public void StatisticsDescribeTheWork()
    {
        var basis = HandBuiltBases.NitrogenHydrogenDf(pure: true);
        long shells = basis.Shells.Count, pairs = shells * (shells + 1) / 2;

        var result = IntegralEngine.ElectronRepulsionWithStatistics(basis, new IntegralOptions { SchwarzThreshold = 0 });

        Assert.Equal(basis.FunctionCount, result.FunctionCount);
        Assert.Equal(pairs * (pairs + 1) / 2, result.ShellQuartets);
        Assert.Equal(result.ShellQuartets, result.ComputedQuartets + result.ScreenedQuartets);
        // Unique quartets cover every function quartet at least once and at most the full tensor.
        long n = basis.FunctionCount;
        Assert.InRange(result.UniqueIntegrals, n * n * n * n / 8, n * n * n * n);
        Assert.True(result.PrimitiveQuartets >= result.ComputedQuartets);
        Assert.True(result.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public void OneThreadGivesTheSameTensorAsMany()
    {
        var basis = Psi4ReferenceCase.Load("h2o_6-31gs").Basis;

        var serial = IntegralEngine.ElectronRepulsion(basis, new IntegralOptions { MaxDegreeOfParallelism = 1 });
        var parallel = IntegralEngine.ElectronRepulsion(basis, new IntegralOptions { MaxDegreeOfParallelism = 4 });

        Assert.Equal(serial, parallel);
    }

    private static long Index(long n, long m, long k, long l, long s) => ((m * n + k) * n + l) * n + s;
}
