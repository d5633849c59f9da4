using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Benchmarks;

/// <summary>The measured matrix-multiply peak of this machine, the yardstick other benchmarks report fractions of.</summary>
/// <param name="Size">Order n of the square matrices multiplied.</param>
/// <param name="Float64GflopsPerSecond">Best rate of a real n×n by n×n product, counting 2n³ flops.</param>
/// <param name="Complex128GflopsPerSecond">Best rate of a complex n×n by n×n product, counting 8n³ real flops.</param>
/// <param name="Threads">libtorch's intra-op thread count during the measurement.</param>
public sealed record GemmPeak(int Size, double Float64GflopsPerSecond, double Complex128GflopsPerSecond, int Threads);

/// <summary>Measures <see cref="GemmPeak"/> with libtorch's own matrix multiply.</summary>
public static class GemmBenchmark
{
    /// <summary>Times square products of order <paramref name="size"/>, best of <paramref name="repeat"/> after a warm-up.</summary>
    /// <param name="size">Matrix order; large enough (≥ 512) that the product is compute bound.</param>
    /// <param name="repeat">Timed repetitions per dtype.</param>
    public static GemmPeak Measure(int size = 1024, int repeat = 5)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "matrix order must be positive");
        if (repeat < 1) throw new ArgumentOutOfRangeException(nameof(repeat), repeat, "need at least one timed run");
        var real = Best(ScalarType.Float64, size, repeat);
        var complex = Best(ScalarType.ComplexFloat64, size, repeat);
        var n3 = (double)size * size * size;
        return new GemmPeak(size, 2 * n3 / real / 1e9, 8 * n3 / complex / 1e9, torch.get_num_threads());
    }

    private static double Best(ScalarType type, int size, int repeat)
    {
        using var scope = torch.NewDisposeScope();
        var generator = new torch.Generator(12345);
        var a = torch.randn(new long[] { size, size }, type, generator: generator);
        var b = torch.randn(new long[] { size, size }, type, generator: generator);
        torch.mm(a, b).Dispose();
        var best = double.MaxValue;
        for (var i = 0; i < repeat; i++)
        {
            var clock = Stopwatch.StartNew();
            using var c = torch.mm(a, b);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
