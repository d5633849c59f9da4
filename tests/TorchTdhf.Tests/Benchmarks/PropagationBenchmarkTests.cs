using TorchSharp;
using TorchTdhf.Benchmarks;
using TorchTdhf.Dynamics;
using TorchTdhf.Models;
using TorchTdhf.Tests.Dynamics;

namespace TorchTdhf.Tests.Benchmarks;

/// <summary>Sanity of the figures on tiny sizes; nothing here is timed against a threshold.</summary>
public class PropagationBenchmarkTests
{
    private static PropagationBenchmarkOptions Tiny(string integrator) => new()
    {
        BatchSize = 3,
        Steps = 2,
        Repeat = 2,
        WarmupSteps = 1,
        Integrator = integrator,
        GemmSize = 32,
        Threads = 1,
    };

    [Theory]
    [InlineData("rk4")]
    [InlineData("magnus4")]
    public void ReportsConsistentFiguresForTheFixedStageSchemes(string integrator)
    {
        using var reference = ReferenceCase.Water();
        var result = PropagationBenchmark.Run(reference.System, Tiny(integrator));
        Assert.Equal(integrator, result.Integrator);
        Assert.Equal(7, result.BasisSize);
        Assert.Equal(3, result.BatchSize);
        Assert.Equal(2, result.Runs.Count);
        Assert.Equal(1, result.Threads);
        Assert.Equal(4.0, result.FockBuildsPerStep);
        Assert.Equal(PropagationFlops.PerTrajectoryStep(integrator, 7, reference.Potential.FlopsPerDensity, true, 4), result.FlopsPerTrajectoryStep);
        Assert.All(result.Runs, seconds => Assert.True(seconds > 0));
        Assert.Equal(3.0 * 2 / result.Runs.Min(), result.TrajectoryStepsPerSecond, 1e-9);
        Assert.Equal(result.TrajectoryStepsPerSecond * result.FlopsPerTrajectoryStep / 1e9, result.Gflops, 1e-9);
        Assert.Equal(result.Gflops / result.Gemm.Complex128GflopsPerSecond, result.FractionOfComplexGemmPeak, 1e-12);
        Assert.Equal(result.Gflops / result.Gemm.Float64GflopsPerSecond, result.FractionOfFloat64GemmPeak, 1e-12);
        Assert.Equal(32, result.Gemm.Size);
        Assert.True(result.Gemm.Float64GflopsPerSecond > 0 && result.Gemm.Complex128GflopsPerSecond > 0);
    }

    [Fact]
    public void CountsTheMidpointIterations()
    {
        using var reference = ReferenceCase.Water();
        var result = PropagationBenchmark.Run(reference.System, Tiny("expmid"));
        Assert.Equal("expmid", result.Integrator);
        // At least two iterations per step: the first only finds how far the midpoint moves.
        Assert.InRange(result.FockBuildsPerStep, 2, 100);
        Assert.Equal(PropagationFlops.PerTrajectoryStep("expmid", 7, reference.Potential.FlopsPerDensity, true, result.FockBuildsPerStep), result.FlopsPerTrajectoryStep);
    }

    [Fact]
    public void RestoresTheThreadCount()
    {
        using var reference = ReferenceCase.HeHPlus();
        var before = torch.get_num_threads();
        var result = PropagationBenchmark.Run(reference.System, Tiny("rk4") with { Threads = before + 1 });
        Assert.Equal(before + 1, result.Threads);
        Assert.Equal(before, torch.get_num_threads());
    }

    [Theory]
    [InlineData("batch")]
    [InlineData("steps")]
    [InlineData("repeat")]
    [InlineData("warmup")]
    [InlineData("dt")]
    [InlineData("noise")]
    [InlineData("seed")]
    [InlineData("gemm-size")]
    [InlineData("threads")]
    [InlineData("propagator")]
    public void RejectsSettingsOutOfRange(string key)
    {
        var options = Tiny("rk4");
        options = key switch
        {
            "batch" => options with { BatchSize = 0 },
            "steps" => options with { Steps = 0 },
            "repeat" => options with { Repeat = 0 },
            "warmup" => options with { WarmupSteps = -1 },
            "dt" => options with { TimeStep = double.NaN },
            "noise" => options with { Noise = -1 },
            "seed" => options with { Seed = -1 },
            "gemm-size" => options with { GemmSize = 0 },
            "threads" => options with { Threads = 0 },
            _ => options with { Integrator = "euler" },
        };
        var error = Assert.Throws<TdhfInputException>(options.Validate);
        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void TruePotentialFlopsCountBothPackedProducts()
    {
        using var reference = ReferenceCase.Water();
        // N = 7: 28 symmetric and 21 antisymmetric pairs.
        Assert.Equal(2 * 28 * 28 + 2 * 21 * 21, reference.Potential.FlopsPerDensity);
        Assert.True(((ITwoElectronPotential)reference.Potential).IsExactlyHermitian);
    }
}
