using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Chemistry;

/// <summary>
/// A matrix X [N, M] (float64; rows AO functions, columns orthonormal functions) with XᵀSX = 1, which maps an
/// orthonormal-basis quantity A to the AO basis as X A Xᵀ and an AO operator O to the orthonormal basis as Xᵀ O X.
/// </summary>
/// <remarks>
/// Canonical orthogonalisation X = U s^−½ keeps the eigenvectors U of S with eigenvalue s at or above a threshold,
/// in ascending order of s; M = N − (number dropped). A matrix supplied with the data (the paper's <c>x</c>) is
/// accepted as is once XᵀSX = 1 has been checked.
/// </remarks>
public sealed class OrthonormalBasis
{
    private readonly double[,] _x;

    private OrthonormalBasis(double[,] x, double[] overlapEigenvalues, double? threshold)
    {
        _x = x;
        OverlapEigenvalues = overlapEigenvalues;
        Threshold = threshold;
    }

    /// <summary>X: [N, M], AO rows → orthonormal columns. A copy; the basis itself cannot be changed.</summary>
    public double[,] X => (double[,])_x.Clone();

    /// <summary>Number of AO functions N.</summary>
    public int FunctionCount => _x.GetLength(0);

    /// <summary>Number of orthonormal functions M (kept eigenvectors).</summary>
    public int Count => _x.GetLength(1);

    /// <summary>N − M: overlap eigenvectors dropped as near-linearly dependent (0 for a supplied X that is square).</summary>
    public int DroppedCount => FunctionCount - Count;

    /// <summary>All N eigenvalues of S, ascending.</summary>
    public IReadOnlyList<double> OverlapEigenvalues { get; }

    /// <summary>The threshold canonical orthogonalisation used; null for a supplied X.</summary>
    public double? Threshold { get; }

    /// <summary>Canonical orthogonalisation of <paramref name="overlap"/>.</summary>
    /// <param name="overlap">S: [N, N], AO, symmetric positive (semi-)definite.</param>
    /// <param name="options">Threshold and whether dropping is allowed; defaults when null.</param>
    /// <param name="source">File the overlap came from, for messages.</param>
    /// <exception cref="TdhfInputException">S is not symmetric, not positive semi-definite, or has an eigenvalue below the threshold while dropping is disallowed (key <c>overlap</c>).</exception>
    public static OrthonormalBasis Canonical(double[,] overlap, OrthonormalBasisOptions? options = null, string? source = null)
    {
        options ??= new OrthonormalBasisOptions();
        options.Validate(source);
        CheckSymmetric(overlap, source);
        using var scope = torch.NewDisposeScope();
        var (values, vectors) = torch.linalg.eigh(DenseTensors.FromMatrix(overlap));
        var s = DenseTensors.ToFlat(values);
        var n = s.Length;
        var largest = n > 0 ? Math.Max(Math.Abs(s[0]), Math.Abs(s[n - 1])) : 1.0;
        if (n > 0 && s[0] < -options.Threshold * Math.Max(1.0, largest))
            throw new TdhfInputException($"the overlap matrix is not positive semi-definite (smallest eigenvalue {s[0]:E3}); it cannot be an overlap of real functions", source, key: "overlap");
        var dropped = s.Count(v => v < options.Threshold);
        if (dropped > 0 && !options.AllowDropping)
            throw new TdhfInputException(
                $"the overlap matrix is near-singular: {dropped} of its {n} eigenvalues are below the threshold {options.Threshold:E1} (smallest {s[0]:E3}), " +
                "so some basis functions are (almost) linear combinations of others; remove duplicated functions or allow dropping near-dependent combinations",
                source, key: "overlap");
        if (dropped == n)
            throw new TdhfInputException($"every eigenvalue of the overlap matrix is below the threshold {options.Threshold:E1}; nothing is left to build a basis from", source, key: "overlap");
        // Eigenvalues come ascending, so the kept eigenvectors are the trailing columns.
        var kept = vectors.narrow(1, dropped, n - dropped);
        var scale = values.narrow(0, dropped, n - dropped).rsqrt();
        var x = kept * scale.unsqueeze(0);
        return new OrthonormalBasis(DenseTensors.ToMatrix(x), s, options.Threshold);
    }

    /// <summary>Accepts a given X after checking XᵀSX = 1.</summary>
    /// <param name="x">X: [N, M], AO rows, M ≤ N.</param>
    /// <param name="overlap">S: [N, N], AO.</param>
    /// <param name="source">File the matrices came from, for messages.</param>
    /// <param name="key">Name of <paramref name="x"/> in that file, for messages.</param>
    /// <param name="tolerance">Largest allowed |XᵀSX − 1| element.</param>
    /// <exception cref="TdhfInputException">Shapes disagree or XᵀSX differs from 1 by more than <paramref name="tolerance"/>.</exception>
    public static OrthonormalBasis FromMatrix(double[,] x, double[,] overlap, string? source = null, string key = "x", double tolerance = 1e-8)
    {
        var n = overlap.GetLength(0);
        if (x.GetLength(0) != n || x.GetLength(1) > n || x.GetLength(1) == 0)
            throw new TdhfInputException($"the orthonormalising matrix has shape [{x.GetLength(0)}, {x.GetLength(1)}], but the basis has {n} functions (expected [{n}, M] with 1 ≤ M ≤ {n})", source, key: key);
        CheckSymmetric(overlap, source);
        using var scope = torch.NewDisposeScope();
        var xt = DenseTensors.FromMatrix(x);
        var s = DenseTensors.FromMatrix(overlap);
        var deviation = (xt.mT.matmul(s).matmul(xt) - torch.eye(x.GetLength(1), dtype: ScalarType.Float64)).abs().max().item<double>();
        if (!(deviation <= tolerance))
            throw new TdhfInputException($"the orthonormalising matrix does not satisfy XᵀSX = 1: largest deviation {deviation:E3} exceeds {tolerance:E1}", source, key: key);
        var eigenvalues = DenseTensors.ToFlat(torch.linalg.eigvalsh(s));
        return new OrthonormalBasis((double[,])x.Clone(), eigenvalues, null);
    }

    /// <summary>X as a new tensor: [N, M] float64, AO rows; the caller disposes it.</summary>
    public Tensor ToTensor() => DenseTensors.FromMatrix(_x);

    private static void CheckSymmetric(double[,] overlap, string? source)
    {
        var n = overlap.GetLength(0);
        if (overlap.GetLength(1) != n)
            throw new TdhfInputException($"the overlap matrix must be square, not {n}×{overlap.GetLength(1)}", source, key: "overlap");
        var worst = 0.0;
        for (var i = 0; i < n; i++)
        for (var j = 0; j < i; j++)
            worst = Math.Max(worst, Math.Abs(overlap[i, j] - overlap[j, i]));
        if (!(worst <= 1e-8))
            throw new TdhfInputException($"the overlap matrix is not symmetric (largest |S_ij − S_ji| = {worst:E3})", source, key: "overlap");
    }
}
