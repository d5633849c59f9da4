using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics.Compact;

/// <summary>
/// F(P, t) = h + G(P) + E(t)·r on <see cref="ComplexMatrix"/> planes, for a linear G given by its
/// <see cref="PackedKernels"/>.
/// </summary>
/// <remarks>Like the potentials it stands for, G is taken of ½(P + P†) and built exactly Hermitian.</remarks>
internal sealed class CompactFock
{
    private readonly int _n;
    private readonly double[] _core;
    private readonly double[][] _position;
    private readonly PackedKernels _kernels;
    private readonly double[] _packedSymmetric;
    private readonly double[] _packedAntisymmetric;
    private readonly double[] _real;
    private readonly double[] _imaginary;

    /// <param name="coreHamiltonian">h: [N, N] complex128, exactly symmetric and real.</param>
    /// <param name="position">r: [3, N²] float64, each row an exactly symmetric matrix, row-major.</param>
    /// <param name="kernels">G.</param>
    public CompactFock(Tensor coreHamiltonian, Tensor position, PackedKernels kernels)
    {
        _n = kernels.N;
        var n = _n;
        _core = torch.real(coreHamiltonian).contiguous().data<double>().ToArray();
        using var flat = position.reshape(3, n * n).contiguous();
        _position = Enumerable.Range(0, 3).Select(c => flat[c].data<double>().ToArray()).ToArray();
        _kernels = kernels;
        _packedSymmetric = new double[kernels.SymmetricCount];
        _packedAntisymmetric = new double[kernels.AntisymmetricCount];
        _real = new double[kernels.SymmetricCount];
        _imaginary = new double[kernels.AntisymmetricCount];
    }

    /// <summary>fock = h + G(½(P + P†)) + e·r, exactly Hermitian.</summary>
    /// <param name="density">P.</param>
    /// <param name="field">E(t) of this trajectory.</param>
    /// <param name="fock">Receives F.</param>
    public void Build(ComplexMatrix density, CartesianVector field, ComplexMatrix fock)
    {
        int n = _n, s = density.Stride;
        var (a, p) = (0, 0);
        for (var k = 0; k < n; k++)
        for (var l = k; l < n; l++)
        {
            _packedSymmetric[p++] = 0.5 * (density.Re[k * s + l] + density.Re[l * s + k]);
            if (k < l) _packedAntisymmetric[a++] = 0.5 * (density.Im[k * s + l] - density.Im[l * s + k]);
        }
        _kernels.Apply(_packedSymmetric, _packedAntisymmetric, _real, _imaginary);
        var (rx, ry, rz) = (_position[0], _position[1], _position[2]);
        (a, p) = (0, 0);
        for (var i = 0; i < n; i++)
        for (var j = i; j < n; j++)
        {
            var e = i * n + j;
            var re = _real[p++] + (_core[e] + (field.X * rx[e] + field.Y * ry[e] + field.Z * rz[e]));
            fock.Re[i * s + j] = re;
            fock.Re[j * s + i] = re;
            if (i == j)
            {
                fock.Im[i * s + i] = 0;
                continue;
            }
            var im = _imaginary[a++];
            fock.Im[i * s + j] = im;
            fock.Im[j * s + i] = -im;
        }
    }
}
