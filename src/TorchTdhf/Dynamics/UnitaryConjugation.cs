using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>P ↦ e^{−iH} P e^{+iH} for Hermitian H, batched, through the eigendecomposition of H.</summary>
internal static class UnitaryConjugation
{
    /// <summary>Eigenpairs of the Hermitian generators: values [B, N] float64, vectors [B, N, N] complex128.</summary>
    public static (Tensor Values, Tensor Vectors) Decompose(Tensor hermitian) => torch.linalg.eigh(hermitian);

    /// <summary>e^{−iτH} P e^{+iτH} from the eigenpairs of H.</summary>
    /// <param name="values">Eigenvalues of H: [B, N] float64.</param>
    /// <param name="vectors">Eigenvectors of H (columns): [B, N, N] complex128.</param>
    /// <param name="density">P: [B, N, N] complex128.</param>
    /// <param name="scale">τ, so one decomposition serves several step lengths.</param>
    public static Tensor Apply(Tensor values, Tensor vectors, Tensor density, double scale)
    {
        using var scope = torch.NewDisposeScope();
        // In the eigenbasis the conjugation only multiplies element jk by e^{−iτ(λ_j − λ_k)}, which keeps the result
        // exactly unitary-equivalent to P (trace, Hermiticity, idempotency) up to round-off.
        var angles = scale * (values.unsqueeze(-1) - values.unsqueeze(-2));
        var phases = torch.complex(angles.cos(), -angles.sin());
        var inEigenbasis = vectors.mH.matmul(density).matmul(vectors);
        var result = vectors.matmul(inEigenbasis * phases).matmul(vectors.mH);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>e^{−iτH} P e^{+iτH} for Hermitian H: [B, N, N] complex128.</summary>
    public static Tensor Apply(Tensor hermitian, Tensor density, double scale = 1)
    {
        using var scope = torch.NewDisposeScope();
        var (values, vectors) = Decompose(hermitian);
        return Apply(values, vectors, density, scale).MoveToOuterDisposeScope();
    }
}
