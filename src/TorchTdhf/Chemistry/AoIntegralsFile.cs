using System.Numerics;
using TorchTdhf.IO;

namespace TorchTdhf.Chemistry;

/// <summary>
/// Reads AO integrals from, and writes molecular systems to, NumPy <c>.npz</c> archives (atomic units, float64 unless stated).
/// </summary>
/// <remarks>
/// <para><b>Read</b> (the keys of <c>shared/reference/README.md</c>): <c>overlap</c>, <c>kinetic</c>, <c>potential</c>
/// (negative definite), <c>dipole_x</c>, <c>dipole_y</c>, <c>dipole_z</c> (+⟨m|r|n⟩, no charge sign), each [N, N] AO;
/// <c>eri</c> [N, N, N, N] AO, (mn|ls); <c>nuclear_repulsion</c> scalar; <c>n_electrons</c> scalar, a positive even integer.
/// Optional: <c>x</c> [N, M] (XᵀSX = 1) and <c>p0_orthonormal</c> [M, M] complex128 in the basis of <c>x</c>
/// (which it requires); see <see cref="AoIntegralsFileOptions.PaperConvention"/> for its normalisation.</para>
/// <para><b>Write</b> (<see cref="Write"/>): the read keys above, and
/// <c>x</c> [N, M]; <c>overlap_eigenvalues</c> [N] ascending; <c>core_hamiltonian_orthonormal</c> [M, M];
/// <c>position_orthonormal</c> [3, M, M] (x, y, z; +r); <c>eri_orthonormal</c> [M, M, M, M];
/// <c>p0_orthonormal</c> [M, M] complex128 with Tr = N_electrons (<see cref="MolecularSystem.GroundStateDensity"/>);
/// when the system has an SCF result: <c>e_rhf</c> scalar, <c>orbital_energies</c> [M], <c>mo_coeff</c> [N, M] AO,
/// <c>density_ao</c> [N, N] AO (Tr PS = N_electrons); when it has an AO basis: <c>coords_bohr</c> [atoms, 3],
/// <c>atomic_numbers</c> [atoms] int64. Such a file reads back with the default options.</para>
/// </remarks>
public static class AoIntegralsFile
{
    private static readonly string[] DipoleKeys = { "dipole_x", "dipole_y", "dipole_z" };

    /// <summary>Reads and checks the integrals (and optional <c>x</c>, <c>p0_orthonormal</c>) of an archive.</summary>
    /// <param name="path">The .npz file.</param>
    /// <param name="options">Conventions and tolerances; defaults when null.</param>
    /// <exception cref="TdhfInputException">Missing file or key, wrong shape or dtype, non-finite values, asymmetric matrices,
    /// a bad electron count, X not orthonormalising S, or a density that is not Hermitian with the right trace; the message names file and key.</exception>
    public static ImportedIntegrals Read(string path, AoIntegralsFileOptions? options = null)
    {
        options ??= new AoIntegralsFileOptions();
        using var z = NpzReader.Open(path);
        var overlapArray = z.Get("overlap");
        if (overlapArray.Shape.Length != 2 || overlapArray.Shape[0] != overlapArray.Shape[1] || overlapArray.Shape[0] == 0)
            throw new TdhfInputException($"expected a square matrix, got shape {Shape(overlapArray.Shape)}", path, key: "overlap");
        var n = overlapArray.Shape[0];
        double[,] Matrix(string key) => ToMatrix(Real(z, key, n, n), n, n);
        var overlap = Matrix("overlap");
        var kinetic = Matrix("kinetic");
        var potential = Matrix("potential");
        var dipoles = DipoleKeys.Select(Matrix).ToArray();
        foreach (var (matrix, key) in new[] { (overlap, "overlap"), (kinetic, "kinetic"), (potential, "potential") }.Concat(dipoles.Zip(DipoleKeys)))
            CheckSymmetric(matrix, options.SymmetryTolerance, path, key);
        var eri = Real(z, "eri", n, n, n, n);
        var nuclearRepulsion = Real(z, "nuclear_repulsion")[0];
        var electrons = ElectronCount(z);
        var integrals = new AoIntegrals(overlap, kinetic, potential, dipoles, eri, nuclearRepulsion, electrons);

        OrthonormalBasis? basis = null;
        if (z.Contains("x"))
        {
            var xArray = z.Get("x");
            if (xArray.Shape.Length != 2 || xArray.Shape[0] != n || xArray.Shape[1] < 1 || xArray.Shape[1] > n)
                throw new TdhfInputException($"expected shape ({n}, M) with 1 ≤ M ≤ {n}, got {Shape(xArray.Shape)}", path, key: "x");
            var x = ToMatrix(Real(z, "x", xArray.Shape), n, xArray.Shape[1]);
            basis = OrthonormalBasis.FromMatrix(x, overlap, path, "x", options.OrthonormalityTolerance);
        }
        Complex[,]? density = null;
        if (z.Contains("p0_orthonormal"))
        {
            if (basis is null)
                throw new TdhfInputException("an orthonormal-basis density needs the orthonormalising matrix 'x' it is expressed in, which the file lacks", path, key: "p0_orthonormal");
            density = ReadDensity(z, basis.Count, electrons, options);
        }
        return new ImportedIntegrals(path, integrals, basis, density);
    }

    /// <summary>Reads an archive, runs RHF (in the file's <c>x</c> basis when present) and builds the system.</summary>
    /// <param name="path">The .npz file.</param>
    /// <param name="options">Conventions, tolerances and which density becomes the ground state; defaults when null.</param>
    /// <param name="rhfOptions">SCF options; defaults when null.</param>
    /// <param name="name">System name; the file name without extension when null.</param>
    /// <exception cref="TdhfInputException">As <see cref="Read"/>, or the SCF fails (<see cref="ScfNotConvergedException"/>).</exception>
    public static MolecularSystem ReadSystem(string path, AoIntegralsFileOptions? options = null, RhfOptions? rhfOptions = null, string? name = null)
    {
        options ??= new AoIntegralsFileOptions();
        var imported = Read(path, options);
        name ??= System.IO.Path.GetFileNameWithoutExtension(path);
        var rhf = Rhf.Solve(imported.Integrals, rhfOptions, imported.Basis, path);
        return options.UseFileDensity && imported.Density is not null
            ? MolecularSystem.FromDensity(name, imported.Integrals, rhf.Basis, imported.Density, rhf, source: path)
            : MolecularSystem.FromRhf(name, imported.Integrals, rhf, source: path);
    }

    /// <summary>Writes <paramref name="system"/> under the keys listed in the class remarks (atomically).</summary>
    /// <param name="system">The system to store.</param>
    /// <param name="path">The .npz file to create or replace.</param>
    /// <param name="compress">Deflate the members (smaller, slower).</param>
    public static void Write(MolecularSystem system, string path, bool compress = true)
    {
        var ints = system.Integrals;
        var arrays = new List<KeyValuePair<string, NpyArray>>
        {
            new("overlap", NpyArray.Of(ints.Overlap)),
            new("kinetic", NpyArray.Of(ints.Kinetic)),
            new("potential", NpyArray.Of(ints.Potential)),
        };
        arrays.AddRange(DipoleKeys.Zip(ints.Position, (key, m) => new KeyValuePair<string, NpyArray>(key, NpyArray.Of(m))));
        long n = ints.FunctionCount;
        arrays.Add(new("eri", NpyArray.Of(ints.Eri, n, n, n, n)));
        arrays.Add(new("nuclear_repulsion", NpyArray.Scalar(ints.NuclearRepulsion)));
        arrays.Add(new("n_electrons", NpyArray.Scalar((long)ints.ElectronCount)));
        arrays.Add(new("x", NpyArray.FromTensor(system.X)));
        arrays.Add(new("overlap_eigenvalues", NpyArray.Of(system.Basis.OverlapEigenvalues.ToArray(), n)));
        arrays.Add(new("core_hamiltonian_orthonormal", NpyArray.FromTensor(system.CoreHamiltonian)));
        arrays.Add(new("position_orthonormal", NpyArray.FromTensor(system.Position)));
        arrays.Add(new("eri_orthonormal", NpyArray.FromTensor(system.Eri)));
        arrays.Add(new("p0_orthonormal", NpyArray.FromTensor(system.GroundStateDensity)));
        if (system.Rhf is { } rhf)
        {
            arrays.Add(new("e_rhf", NpyArray.Scalar(rhf.TotalEnergy)));
            arrays.Add(new("orbital_energies", NpyArray.Of(rhf.OrbitalEnergies.ToArray(), rhf.OrbitalEnergies.Count)));
            arrays.Add(new("mo_coeff", NpyArray.Of(rhf.MoCoefficients)));
            arrays.Add(new("density_ao", NpyArray.Of(rhf.Density)));
        }
        if (system.AoBasis is { } aoBasis)
        {
            var atoms = aoBasis.Atoms;
            arrays.Add(new("coords_bohr", NpyArray.Of(atoms.SelectMany(a => new[] { a.X, a.Y, a.Z }).ToArray(), atoms.Count, 3)));
            arrays.Add(new("atomic_numbers", NpyArray.Of(atoms.Select(a => (long)a.AtomicNumber).ToArray(), atoms.Count)));
        }
        Npz.Write(path, arrays, compress);
    }

    private static double[] Real(NpzReader z, string key, params long[] shape)
    {
        var array = z.Get(key);
        if (!array.Shape.AsSpan().SequenceEqual(shape) && !(shape.Length == 0 && array.Count == 1))
            throw new TdhfInputException($"expected shape {Shape(shape)}, got {Shape(array.Shape)}", z.Path, key: key);
        if (array.DType == NpyDType.Complex128)
            throw new TdhfInputException("expected real numbers, got complex128", z.Path, key: key);
        if (!array.IsFinite())
            throw new TdhfInputException("contains non-finite numbers (NaN or infinity)", z.Path, key: key);
        try
        {
            return array.ToDoubleArray();
        }
        catch (InvalidCastException e)
        {
            throw new TdhfInputException($"expected real numbers, got {array.DType}", z.Path, key: key, inner: e);
        }
    }

    private static int ElectronCount(NpzReader z)
    {
        const string key = "n_electrons";
        var value = Real(z, key)[0];
        if (value != Math.Round(value) || value <= 0 || value > int.MaxValue || value % 2 != 0)
            throw new TdhfInputException($"the electron count must be a positive even integer for closed-shell RHF, not {value}", z.Path, key: key);
        return (int)value;
    }

    private static Complex[,] ReadDensity(NpzReader z, int m, int electrons, AoIntegralsFileOptions options)
    {
        const string key = "p0_orthonormal";
        var array = z.Get(key);
        if (!array.Shape.AsSpan().SequenceEqual(new long[] { m, m }))
            throw new TdhfInputException($"expected shape {Shape(new long[] { m, m })} (the columns of 'x'), got {Shape(array.Shape)}", z.Path, key: key);
        if (!array.IsFinite())
            throw new TdhfInputException("contains non-finite numbers (NaN or infinity)", z.Path, key: key);
        Complex[] values;
        try
        {
            values = array.ToComplexArray();
        }
        catch (InvalidCastException e)
        {
            throw new TdhfInputException($"expected numbers, got {array.DType}", z.Path, key: key, inner: e);
        }
        var p = new Complex[m, m];
        for (var i = 0; i < m; i++)
        for (var j = 0; j < m; j++)
            p[i, j] = options.PaperConvention ? 2 * Complex.Conjugate(values[i * m + j]) : values[i * m + j];
        var asymmetry = 0.0;
        var trace = Complex.Zero;
        for (var i = 0; i < m; i++)
        {
            trace += p[i, i];
            for (var j = 0; j <= i; j++) asymmetry = Math.Max(asymmetry, Complex.Abs(p[i, j] - Complex.Conjugate(p[j, i])));
        }
        var convention = options.PaperConvention ? " (after the paper-convention conversion 2·conj(p0))" : "";
        if (!(asymmetry <= options.DensityTolerance))
            throw new TdhfInputException($"the density is not Hermitian{convention}: largest |P − P†| = {asymmetry:E3} exceeds {options.DensityTolerance:E1}", z.Path, key: key);
        if (!(Complex.Abs(trace - electrons) <= options.DensityTolerance))
        {
            var hint = options.PaperConvention ? "" : $"; a trace near {electrons / 2} suggests the paper's convention (Tr = N/2), read with PaperConvention";
            throw new TdhfInputException($"the density's trace is {trace.Real:G10}{convention}, but there are {electrons} electrons (tolerance {options.DensityTolerance:E1}){hint}", z.Path, key: key);
        }
        return p;
    }

    private static void CheckSymmetric(double[,] matrix, double tolerance, string path, string key)
    {
        var n = matrix.GetLength(0);
        double worst = 0, largest = 1;
        for (var i = 0; i < n; i++)
        for (var j = 0; j <= i; j++)
        {
            worst = Math.Max(worst, Math.Abs(matrix[i, j] - matrix[j, i]));
            largest = Math.Max(largest, Math.Abs(matrix[i, j]));
        }
        if (!(worst <= tolerance * largest))
            throw new TdhfInputException($"the matrix is not symmetric: largest |A_ij − A_ji| = {worst:E3}", path, key: key);
    }

    private static double[,] ToMatrix(double[] flat, long rows, long columns)
    {
        var matrix = new double[rows, columns];
        Buffer.BlockCopy(flat, 0, matrix, 0, flat.Length * sizeof(double));
        return matrix;
    }

    private static string Shape(IEnumerable<long> shape) => "(" + string.Join(", ", shape) + ")";
}
