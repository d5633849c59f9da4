using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Dynamics;

/// <summary>Largest violations of the closed-shell density's invariants over a batch of frames.</summary>
internal readonly record struct DensityInvariants(double Hermiticity, double Trace, double Idempotency)
{
    /// <summary>max |P − P†|, max |Tr P − N_e|, max |P² − 2P| over frames [..., N, N] complex128.</summary>
    public static DensityInvariants Of(Tensor frames, int electronCount)
    {
        using var scope = torch.NewDisposeScope();
        var n = frames.shape[^1];
        var p = frames.reshape(-1, n, n);
        return new DensityInvariants(
            (p - p.mH).abs().max().item<double>(),
            (p.diagonal(dim1: -2, dim2: -1).sum(-1) - electronCount).abs().max().item<double>(),
            (p.matmul(p) - 2 * p).abs().max().item<double>());
    }

    public override string ToString() => $"max |P − P†| = {Hermiticity:E2}, max |Tr P − N| = {Trace:E2}, max |P² − 2P| = {Idempotency:E2}";
}
