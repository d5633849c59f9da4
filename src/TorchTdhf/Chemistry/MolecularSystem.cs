using System.Globalization;
using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchTdhf.Chemistry;

/// <summary>
/// A molecule's electronic Hamiltonian in an orthonormal basis, as the propagators and models consume it.
/// </summary>
/// <remarks>
/// <para><b>Density normalisation (the one place it is stated).</b> Orthonormal-basis densities P are
/// M×M complex Hermitian matrices with Tr P = N_electrons (occupations 2 for closed shells), so a pure
/// closed-shell state has P² = 2P. With the orthonormalising X [N, M] (XᵀSX = 1):
/// P = Xᵀ S P_AO S X and P_AO = X P Xᵀ, where P_AO is the AO density with Tr(P_AO S) = N_electrons.
/// (The learningTDHF data uses Tr P = N/2 and complex-conjugated densities; <see cref="AoIntegralsFile"/> converts.)</para>
/// <para><b>Hamiltonian.</b> F(P) = h + G(P) with the core Hamiltonian h = Xᵀ(T + V)X and the true two-electron
/// potential G(P)_ij = Σ_kl [(ij|kl) − ½ (ik|jl)] P_kl, (ij|kl) the orthonormal-basis ERIs in chemists' notation.
/// The total energy is E = ½ Tr[P (h + F(P))] + E_nuc. An electric field E(t) couples through the electronic
/// dipole operator, which is −r: F(t) = F(P) + E(t)·r in the sign convention of <see cref="Position"/> (+r).</para>
/// <para>The tensors are owned by the system (do not dispose them; they live until <see cref="Dispose"/>) and are
/// CPU float64 / complex128.</para>
/// </remarks>
public sealed class MolecularSystem : IDisposable
{
    private readonly TwoElectronOperator _g;

    private MolecularSystem(string name, AoIntegrals integrals, OrthonormalBasis basis, Tensor groundStateDensity, RhfResult? rhf,
        AoBasis? aoBasis, string? source)
    {
        Name = name;
        Integrals = integrals;
        Basis = basis;
        Rhf = rhf;
        AoBasis = aoBasis;
        Source = source;
        Fingerprint = IntegralFingerprint.Compute(integrals);
        var n = integrals.FunctionCount;
        using var scope = torch.NewDisposeScope();
        var x = basis.ToTensor();
        Tensor ToOrthonormal(double[,] ao) => x.mT.matmul(DenseTensors.FromMatrix(ao)).matmul(x);
        X = x.DetachFromDisposeScope();
        CoreHamiltonian = (ToOrthonormal(integrals.Kinetic) + ToOrthonormal(integrals.Potential)).DetachFromDisposeScope();
        Position = torch.stack(integrals.Position.Select(ToOrthonormal).ToArray()).DetachFromDisposeScope();
        Eri = TransformEri(torch.tensor(integrals.Eri, new long[] { n, n, n, n }, ScalarType.Float64), x).DetachFromDisposeScope();
        _g = new TwoElectronOperator(Eri);
        GroundStateDensity = groundStateDensity.to_type(ScalarType.ComplexFloat64, copy: true).DetachFromDisposeScope();
    }

    /// <summary>Runs RHF on <paramref name="integrals"/> and builds the system around its ground state.</summary>
    /// <param name="name">Name for messages and metadata, e.g. "h2o_sto-3g".</param>
    /// <param name="integrals">AO integrals.</param>
    /// <param name="options">SCF options; defaults when null.</param>
    /// <param name="basis">Orthonormal basis to use; canonical orthogonalisation when null.</param>
    /// <param name="aoBasis">The AO basis the integrals came from, if known (kept for metadata).</param>
    /// <param name="source">File the integrals came from, for messages and metadata.</param>
    public static MolecularSystem Compute(string name, AoIntegrals integrals, RhfOptions? options = null, OrthonormalBasis? basis = null,
        AoBasis? aoBasis = null, string? source = null)
    {
        var rhf = Chemistry.Rhf.Solve(integrals, options, basis, source);
        return FromRhf(name, integrals, rhf, aoBasis, source);
    }

    /// <summary>Builds the system in the basis of a finished SCF; the ground state is its density, Xᵀ S P_AO S X.</summary>
    /// <param name="name">Name for messages and metadata.</param>
    /// <param name="integrals">The AO integrals <paramref name="rhf"/> was run on.</param>
    /// <param name="rhf">The SCF result; its <see cref="RhfResult.Basis"/> becomes the system's basis.</param>
    /// <param name="aoBasis">The AO basis, if known.</param>
    /// <param name="source">File the integrals came from, if any.</param>
    public static MolecularSystem FromRhf(string name, AoIntegrals integrals, RhfResult rhf, AoBasis? aoBasis = null, string? source = null)
    {
        using var scope = torch.NewDisposeScope();
        var x = rhf.Basis.ToTensor();
        var s = DenseTensors.FromMatrix(integrals.Overlap);
        var p = x.mT.matmul(s).matmul(DenseTensors.FromMatrix(rhf.Density)).matmul(s).matmul(x);
        return new MolecularSystem(name, integrals, rhf.Basis, p, rhf, aoBasis, source);
    }

    /// <summary>Builds the system around a given reference density (e.g. one shipped with imported data), which need not be stationary.</summary>
    /// <param name="name">Name for messages and metadata.</param>
    /// <param name="integrals">AO integrals.</param>
    /// <param name="basis">The orthonormal basis <paramref name="density"/> is expressed in.</param>
    /// <param name="density">P: [M, M], orthonormal, Tr P = N_electrons (see the class remarks).</param>
    /// <param name="rhf">An SCF result on the same integrals, if one was run.</param>
    /// <param name="aoBasis">The AO basis, if known.</param>
    /// <param name="source">File the data came from, if any.</param>
    public static MolecularSystem FromDensity(string name, AoIntegrals integrals, OrthonormalBasis basis, Complex[,] density, RhfResult? rhf = null,
        AoBasis? aoBasis = null, string? source = null)
    {
        if (basis.FunctionCount != integrals.FunctionCount)
            throw new ArgumentException($"the basis has {basis.FunctionCount} AO rows but the integrals have {integrals.FunctionCount} functions", nameof(basis));
        if (density.GetLength(0) != basis.Count || density.GetLength(1) != basis.Count)
            throw new ArgumentException($"the density must be {basis.Count}×{basis.Count} (orthonormal basis), not {density.GetLength(0)}×{density.GetLength(1)}", nameof(density));
        using var p = DenseTensors.FromMatrix(density);
        return new MolecularSystem(name, integrals, basis, p, rhf, aoBasis, source);
    }

    /// <summary>Name for messages and metadata.</summary>
    public string Name { get; }

    /// <summary>File the integrals came from, if any.</summary>
    public string? Source { get; }

    /// <summary>The AO integrals everything here is built from.</summary>
    public AoIntegrals Integrals { get; }

    /// <summary>The orthonormal basis (X [N, M], overlap eigenvalues, dropped count).</summary>
    public OrthonormalBasis Basis { get; }

    /// <summary>The AO basis the integrals came from; null for imported integrals.</summary>
    public AoBasis? AoBasis { get; }

    /// <summary>The SCF this system's ground state came from; may be null for a system built from a given density.</summary>
    public RhfResult? Rhf { get; }

    /// <summary>Number of electrons.</summary>
    public int ElectronCount => Integrals.ElectronCount;

    /// <summary>Nuclear repulsion energy, hartree.</summary>
    public double NuclearRepulsion => Integrals.NuclearRepulsion;

    /// <summary>Number of AO functions N.</summary>
    public int FunctionCount => Integrals.FunctionCount;

    /// <summary>Number of orthonormal functions M (≤ N).</summary>
    public int OrbitalCount => Basis.Count;

    /// <summary>SHA-256 (lower-case hex) of the AO integrals and electron count; see <see cref="IntegralFingerprint"/>.</summary>
    public string Fingerprint { get; }

    /// <summary>X: [N, M] float64, AO rows, orthonormal columns, XᵀSX = 1.</summary>
    public Tensor X { get; }

    /// <summary>h = Xᵀ(T + V)X: [M, M] float64, orthonormal.</summary>
    public Tensor CoreHamiltonian { get; }

    /// <summary>Xᵀ r_k X for k = x, y, z: [3, M, M] float64, orthonormal; +r about the origin, without the electron's charge (the electronic dipole operator is −r).</summary>
    public Tensor Position { get; }

    /// <summary>(ij|kl) = Σ X_mi X_nj X_lk X_sl (mn|ls): [M, M, M, M] float64, orthonormal, chemists' notation.</summary>
    public Tensor Eri { get; }

    /// <summary>The reference density P0: [M, M] complex128, orthonormal, Tr = N_electrons; the RHF ground state unless built by <see cref="FromDensity"/>.</summary>
    public Tensor GroundStateDensity { get; }

    /// <summary>Names and values describing the system for dataset metadata (invariant culture, round-trip numbers).</summary>
    public IReadOnlyDictionary<string, string> Metadata
    {
        get
        {
            var inv = CultureInfo.InvariantCulture;
            var metadata = new Dictionary<string, string>
            {
                ["name"] = Name,
                ["fingerprint"] = Fingerprint,
                ["n_electrons"] = ElectronCount.ToString(inv),
                ["n_ao"] = FunctionCount.ToString(inv),
                ["n_orthonormal"] = OrbitalCount.ToString(inv),
                ["n_dropped"] = Basis.DroppedCount.ToString(inv),
                ["nuclear_repulsion"] = NuclearRepulsion.ToString("R", inv),
            };
            if (Source is not null) metadata["source"] = Source;
            if (AoBasis is not null) metadata["basis"] = AoBasis.Name;
            if (Rhf is not null)
            {
                metadata["e_rhf"] = Rhf.TotalEnergy.ToString("R", inv);
                metadata["rhf_iterations"] = Rhf.Iterations.ToString(inv);
            }
            return metadata;
        }
    }

    /// <summary>The true two-electron potential G(P)_ij = Σ_kl [(ij|kl) − ½ (ik|jl)] P_kl.</summary>
    /// <param name="density">P: [M, M] or [B, M, M], float64 or complex128, orthonormal, Tr = N_electrons.</param>
    /// <returns>G(P): same shape and dtype, orthonormal; the caller disposes it.</returns>
    public Tensor TwoElectronPotential(Tensor density)
    {
        CheckDensityShape(density);
        return _g.Apply(density);
    }

    /// <summary>Field-free Fock matrix F(P) = h + G(P).</summary>
    /// <param name="density">P: [M, M] or [B, M, M], float64 or complex128, orthonormal.</param>
    /// <returns>F(P): same shape and dtype as <paramref name="density"/>, orthonormal; the caller disposes it.</returns>
    public Tensor Fock(Tensor density)
    {
        using var scope = torch.NewDisposeScope();
        var g = TwoElectronPotential(density);
        return scope.MoveToOuter(g + CoreHamiltonian.to_type(g.dtype));
    }

    /// <summary>Total energy E = ½ Tr[P (h + F(P))] + E_nuc, hartree (real part; exact for Hermitian P).</summary>
    /// <param name="density">P: [M, M], float64 or complex128, orthonormal, Tr = N_electrons.</param>
    public double Energy(Tensor density)
    {
        if (density.dim() != 2) throw new ArgumentException("the energy is defined for one density [M, M]", nameof(density));
        using var scope = torch.NewDisposeScope();
        var p = density.to_type(ScalarType.ComplexFloat64);
        var sum = CoreHamiltonian + Fock(p);
        // Tr[A B] = Σ_ij A_ij B_ji.
        var trace = (p * sum.mT).sum();
        return 0.5 * torch.real(trace).item<double>() + NuclearRepulsion;
    }

    /// <summary>P_AO = X P Xᵀ.</summary>
    /// <param name="density">P: [M, M] or [B, M, M], float64 or complex128, orthonormal.</param>
    /// <returns>[N, N] or [B, N, N], same dtype, AO, Tr(P_AO S) = Tr P; the caller disposes it.</returns>
    public Tensor ToAoDensity(Tensor density)
    {
        using var scope = torch.NewDisposeScope();
        var x = X.to_type(density.dtype);
        return scope.MoveToOuter(x.matmul(density).matmul(x.mT));
    }

    /// <summary>P = Xᵀ S P_AO S X.</summary>
    /// <param name="aoDensity">P_AO: [N, N] or [B, N, N], float64 or complex128, AO.</param>
    /// <returns>[M, M] or [B, M, M], same dtype, orthonormal; the caller disposes it.</returns>
    public Tensor ToOrthonormalDensity(Tensor aoDensity)
    {
        using var scope = torch.NewDisposeScope();
        var sx = DenseTensors.FromMatrix(Integrals.Overlap).matmul(X).to_type(aoDensity.dtype);
        return scope.MoveToOuter(sx.mT.matmul(aoDensity).matmul(sx));
    }

    /// <summary>Frees the tensors.</summary>
    public void Dispose()
    {
        _g.Dispose();
        X.Dispose();
        CoreHamiltonian.Dispose();
        Position.Dispose();
        Eri.Dispose();
        GroundStateDensity.Dispose();
    }

    private void CheckDensityShape(Tensor density)
    {
        var m = OrbitalCount;
        var shape = density.shape;
        if (shape.Length is < 2 or > 3 || shape[^1] != m || shape[^2] != m)
            throw new ArgumentException($"densities must be [{m}, {m}] or [B, {m}, {m}] (orthonormal basis), not [{string.Join(", ", shape)}]", nameof(density));
    }

    private static Tensor TransformEri(Tensor eri, Tensor x)
    {
        var n = x.shape[0];
        var m = x.shape[1];
        var t = eri;
        // Each product transforms the leading index and moves it to the end, so four of them give (ij|kl) in order.
        for (var step = 0; step < 4; step++) t = t.reshape(n, -1).mT.matmul(x);
        return t.reshape(m, m, m, m).contiguous();
    }
}
