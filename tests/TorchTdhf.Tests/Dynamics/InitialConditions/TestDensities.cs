using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics.InitialConditions;

/// <summary>Small closed-shell densities for tests.</summary>
internal static class TestDensities
{
    /// <summary>diag(2, .., 2, 0, .., 0): [n, n] complex128 with <paramref name="electrons"/>/2 occupied orbitals.</summary>
    public static Tensor Aufbau(int n, int electrons)
    {
        var occupations = Enumerable.Range(0, n).Select(i => i < electrons / 2 ? 2.0 : 0.0).ToArray();
        using var diagonal = torch.tensor(occupations, ScalarType.Float64);
        using var matrix = torch.diag(diagonal);
        return matrix.to(ScalarType.ComplexFloat64);
    }

    /// <summary>Largest |P² − 2P| entry over a stack [.., N, N].</summary>
    public static double IdempotencyError(Tensor p)
    {
        using var scope = torch.NewDisposeScope();
        return (p.matmul(p) - 2 * p).abs().max().item<double>();
    }

    /// <summary>Largest |P − Pᴴ| entry over a stack [.., N, N].</summary>
    public static double HermiticityError(Tensor p)
    {
        using var scope = torch.NewDisposeScope();
        return (p - p.mH).abs().max().item<double>();
    }

    /// <summary>Largest |Tr P − electrons| over a stack [B, N, N].</summary>
    public static double TraceError(Tensor p, int electrons)
    {
        using var scope = torch.NewDisposeScope();
        return (p.diagonal(dim1: -2, dim2: -1).sum(-1) - electrons).abs().max().item<double>();
    }

    /// <summary>Raw bytes of a CPU tensor, for bit-for-bit comparisons.</summary>
    public static byte[] Bytes(Tensor t)
    {
        using var c = t.cpu().contiguous();
        return c.bytes.ToArray();
    }
}
