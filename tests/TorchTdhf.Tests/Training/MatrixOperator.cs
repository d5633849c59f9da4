using TorchSharp;
using TorchTdhf.Training;
using static TorchSharp.torch;

namespace TorchTdhf.Tests.Training;

/// <summary>
/// A dense test operator from ℝⁿ to ℝᵐ, or to ℂᵐ when an imaginary part is given: A x = (A_re + i A_im) x with
/// adjoint Aᵀ y = A_reᵀ Re y + A_imᵀ Im y. <see cref="Real"/> is the equivalent real matrix of the complex range.
/// </summary>
internal sealed class MatrixOperator : ILinearOperator, IDisposable
{
    private readonly Tensor _real;
    private readonly Tensor? _imaginary;

    public MatrixOperator(Tensor real, Tensor? imaginary = null)
    {
        _real = real.detach().clone();
        _imaginary = imaginary?.detach().clone();
        // Rows interleaved (Re, Im) as view_as_real lays out a complex vector.
        Real = _imaginary is null ? _real.clone() : torch.stack(new[] { _real, _imaginary }, 1).reshape(-1, _real.shape[1]);
    }

    /// <summary>[m or 2m, n] float64.</summary>
    public Tensor Real { get; }

    public Tensor Apply(Tensor x) => _imaginary is null ? _real.matmul(x) : torch.complex(_real.matmul(x), _imaginary.matmul(x));

    public Tensor ApplyAdjoint(Tensor y) => _imaginary is null ? _real.mT.matmul(y) : _real.mT.matmul(y.real) + _imaginary.mT.matmul(y.imag);

    /// <summary>A range vector as the real vector matching <see cref="Real"/>'s rows.</summary>
    public Tensor AsReal(Tensor y) => _imaginary is null ? y : torch.view_as_real(y).reshape(-1);

    public void Dispose()
    {
        _real.Dispose();
        _imaginary?.Dispose();
        Real.Dispose();
    }
}
