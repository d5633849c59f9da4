using TorchSharp;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.Tests.Dynamics.InitialConditions;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Datasets;

/// <summary>
/// Exact densities of a batch evolving under a fixed random Hermitian H: P(t) = U P0 Uᴴ with U = exp(−iHt),
/// so dP/dt = −i[H, P]. Builds U from the eigen-decomposition of H.
/// </summary>
internal sealed class AnalyticTrajectory : IDisposable
{
    private readonly Tensor _vectors;
    private readonly Tensor _values;
    private readonly Tensor _hamiltonian;

    public AnalyticTrajectory(int n, int electrons, int batch, long seed)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator((ulong)seed);
        var a = torch.randn(new long[] { n, n }, ScalarType.Float64, generator: generator);
        var b = torch.randn(new long[] { n, n }, ScalarType.Float64, generator: generator);
        var z = torch.complex(a, b);
        var h = (z + z.mH) / (2 * Math.Sqrt(n));
        var (values, vectors) = torch.linalg.eigh(h);
        _hamiltonian = h.MoveToOuterDisposeScope();
        _values = values.MoveToOuterDisposeScope();
        _vectors = vectors.MoveToOuterDisposeScope();
        Initial = RandomIdempotentEnsemble.Generate(TestDensities.Aufbau(n, electrons), electrons, 2.0, seed + 1, batch).MoveToOuterDisposeScope();
    }

    /// <summary>P0: [B, N, N] complex128.</summary>
    public Tensor Initial { get; }

    /// <summary>P(t): [B, N, N] complex128.</summary>
    public Tensor At(double t)
    {
        using var scope = torch.NewDisposeScope();
        var phases = torch.polar(torch.ones_like(_values), _values * (-t));
        var u = (_vectors * phases.unsqueeze(0)).matmul(_vectors.mH);
        return u.matmul(Initial).matmul(u.mH).MoveToOuterDisposeScope();
    }

    /// <summary>dP/dt = −i[H, P(t)]: [B, N, N] complex128.</summary>
    public Tensor DerivativeAt(double t)
    {
        using var scope = torch.NewDisposeScope();
        var p = At(t);
        var commutator = _hamiltonian.matmul(p) - p.matmul(_hamiltonian);
        return (commutator * torch.complex(torch.tensor(0.0, ScalarType.Float64), torch.tensor(-1.0, ScalarType.Float64))).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _vectors.Dispose();
        _values.Dispose();
        _hamiltonian.Dispose();
        Initial.Dispose();
    }
}
