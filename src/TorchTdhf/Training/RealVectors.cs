using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Training;

/// <summary>Euclidean geometry of tensors seen as real vectors (complex entries as real and imaginary parts).</summary>
internal static class RealVectors
{
    /// <summary>The real view: float64 tensors as they are, complex128 as [..., 2] real and imaginary parts.</summary>
    public static Tensor AsReal(Tensor vector) => vector.is_complex() ? torch.view_as_real(vector.resolve_conj()) : vector;

    /// <summary>‖x‖₂ = (Σ |x_i|²)^½.</summary>
    public static double Norm(Tensor vector)
    {
        using var scope = torch.NewDisposeScope();
        return torch.linalg.vector_norm(AsReal(vector)).item<double>();
    }

    /// <summary>⟨x, y⟩ = Re Σ conj(x_i) y_i.</summary>
    public static double Dot(Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        return (AsReal(x) * AsReal(y)).sum().item<double>();
    }

    /// <summary>Number of real components.</summary>
    public static long RealLength(Tensor vector) => vector.is_complex() ? 2 * vector.numel() : vector.numel();
}
