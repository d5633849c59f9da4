using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Models;

/// <summary>
/// Folding a full index kl onto triangle pairs and its adjoint: the linear maps between a model's parameter
/// tensors and the packed weights of <see cref="PackedHermitianMap"/>.
/// </summary>
internal static class PairFolding
{
    /// <summary>x[first] + sign · x[second] along <paramref name="dim"/>: [.., M, ..] from [.., N², ..].</summary>
    /// <param name="x">float64 tensor whose dimension <paramref name="dim"/> runs over the flat pairs kl.</param>
    /// <param name="dim">The folded dimension.</param>
    /// <param name="first">[M] int64 flat positions k·N + l.</param>
    /// <param name="second">[M] int64 flat positions of the mirrors l·N + k.</param>
    /// <param name="sign">+1 for the symmetric, −1 for the antisymmetric pairs.</param>
    public static Tensor Fold(Tensor x, long dim, Tensor first, Tensor second, double sign)
        => x.index_select(dim, first).add(x.index_select(dim, second), alpha: sign);

    /// <summary>The adjoint of <see cref="Fold"/>: g scattered to first and, times sign, to second (added where they coincide).</summary>
    /// <param name="g">float64 tensor whose dimension <paramref name="dim"/> runs over the M pairs.</param>
    /// <param name="dim">The unfolded dimension.</param>
    /// <param name="size">N², the length of that dimension after unfolding.</param>
    /// <param name="first">As for <see cref="Fold"/>.</param>
    /// <param name="second">As for <see cref="Fold"/>.</param>
    /// <param name="sign">As for <see cref="Fold"/>.</param>
    public static Tensor Unfold(Tensor g, long dim, long size, Tensor first, Tensor second, double sign)
    {
        var shape = g.shape.ToArray();
        shape[dim] = size;
        return torch.zeros(shape, ScalarType.Float64).index_add_(dim, first, g, 1.0).index_add_(dim, second, g, sign);
    }
}
