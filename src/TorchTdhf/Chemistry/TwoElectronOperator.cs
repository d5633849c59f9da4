using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Chemistry;

/// <summary>
/// G(P)_mn = Σ_ls [(mn|ls) − ½ (ml|ns)] P_ls as one [n², n²] matrix acting on flattened densities, in whatever
/// basis the four-index tensor is given (AO in <see cref="Rhf"/>, orthonormal in <see cref="MolecularSystem"/>).
/// </summary>
internal sealed class TwoElectronOperator : IDisposable
{
    private readonly Tensor _matrix;

    /// <param name="eri">(mn|ls): [n, n, n, n] float64, chemists' notation.</param>
    public TwoElectronOperator(Tensor eri)
    {
        Size = (int)eri.shape[0];
        long n2 = (long)Size * Size;
        using var scope = torch.NewDisposeScope();
        // The exchange term needs (ml|ns) at [m, n, l, s]: one permuted copy, folded into a single matrix so that
        // each Fock build is one matrix product.
        var coulomb = eri.reshape(n2, n2);
        var exchange = eri.permute(0, 2, 1, 3).reshape(n2, n2);
        _matrix = (coulomb - 0.5 * exchange).contiguous().DetachFromDisposeScope();
    }

    /// <summary>n, the side of the density matrices.</summary>
    public int Size { get; }

    /// <summary>G(P) for densities [..., n, n], float64 or complex128; returns the same shape and dtype.</summary>
    public Tensor Apply(Tensor density)
    {
        var n2 = (long)Size * Size;
        var shape = density.shape;
        using var scope = torch.NewDisposeScope();
        var flat = density.reshape(-1, n2);
        Tensor result;
        if (density.is_complex())
        {
            // The operator is real, so it acts on real and imaginary parts separately (torch will not mix dtypes).
            var re = flat.real.matmul(_matrix.mT);
            var im = flat.imag.matmul(_matrix.mT);
            result = torch.complex(re, im);
        }
        else
        {
            result = flat.matmul(_matrix.mT);
        }
        return scope.MoveToOuter(result.reshape(shape));
    }

    public void Dispose() => _matrix.Dispose();
}
