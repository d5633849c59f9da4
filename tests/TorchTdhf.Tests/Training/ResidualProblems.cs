using TorchSharp;
using TorchTdhf.Training;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training;

/// <summary>Seeded synthetic derivative-matching samples: random Hermitian P and random complex targets b.</summary>
internal static class ResidualProblems
{
    /// <summary>S samples of size N.</summary>
    public static TrainingSet Random(int samples, int n, int seed)
    {
        using var scope = torch.NewDisposeScope();
        var g = new torch.Generator((ulong)seed);
        Tensor Complex() => torch.complex(torch.randn(new long[] { samples, n, n }, ScalarType.Float64, generator: g),
            torch.randn(new long[] { samples, n, n }, ScalarType.Float64, generator: g));
        var x = Complex();
        var density = x + x.transpose(-2, -1).conj();
        return TrainingSet.FromSamples(density, Complex(), "synthetic");
    }

    /// <summary>⟨X, Y⟩ = Re Σ conj(X) Y.</summary>
    public static double Dot(Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        return x.is_complex() ? torch.real(x.conj() * y).sum().item<double>() : (x * y).sum().item<double>();
    }
}
