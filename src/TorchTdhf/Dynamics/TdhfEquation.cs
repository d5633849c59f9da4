using System.Numerics;
using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics;

/// <summary>
/// The time-dependent Hartree–Fock equation in the orthonormal basis, i dP/dt = [F(P, t), P], with
/// F(P, t) = h + G(P) − E(t)·μ and the electronic dipole operator μ = −r, so F = h + G(P) + E(t)·r.
/// </summary>
/// <remarks>
/// Conventions (atomic units, checked against the reference trajectories in the tests): P is normalised to
/// Tr P = N_electrons; r holds +⟨i|x|j⟩, +⟨i|y|j⟩, +⟨i|z|j⟩ without the electron's charge; dP/dt = −i [F, P].
/// One field drives the whole batch, or the batch has one field per trajectory (e.g. kicks along x, y and z).
/// </remarks>
public sealed class TdhfEquation : IDisposable
{
    private readonly Tensor _coreHamiltonian;
    private readonly Tensor _positionFlat;
    private readonly Field[] _fields;
    private Compact.CompactMuntheKaas4? _compact;

    /// <summary>Copies the one-electron matrices and keeps the potential (not owned: the caller disposes it).</summary>
    /// <param name="coreHamiltonian">h = T + V: [N, N] float64, orthonormal basis.</param>
    /// <param name="position">r = +⟨i|x, y, z|j⟩: [3, N, N] float64, orthonormal basis.</param>
    /// <param name="potential">G(P), acting in the same orthonormal basis.</param>
    /// <param name="fields">One field for the whole batch, or one per trajectory of the batch.</param>
    public TdhfEquation(Tensor coreHamiltonian, Tensor position, ITwoElectronPotential potential, IReadOnlyList<Field> fields)
    {
        var n = potential.BasisSize;
        if (coreHamiltonian.dtype != ScalarType.Float64 || !coreHamiltonian.shape.SequenceEqual(new long[] { n, n }))
            throw new ArgumentException($"the core Hamiltonian must be [{n}, {n}] float64, not [{string.Join(", ", coreHamiltonian.shape)}] {coreHamiltonian.dtype}", nameof(coreHamiltonian));
        if (position.dtype != ScalarType.Float64 || !position.shape.SequenceEqual(new long[] { 3, n, n }))
            throw new ArgumentException($"the position matrices must be [3, {n}, {n}] float64, not [{string.Join(", ", position.shape)}] {position.dtype}", nameof(position));
        if (fields.Count == 0) throw new ArgumentException("at least one field (NoField for none) is needed", nameof(fields));
        // Symmetric to round-off as built from integrals; exactly symmetric here, so that F is exactly Hermitian
        // whenever G is (the one-product commutator of CommutatorWithFock relies on it).
        using (var scope = torch.NewDisposeScope())
        {
            var h = coreHamiltonian.detach();
            var r = position.detach();
            _coreHamiltonian = (0.5 * (h + h.mT)).to_type(ScalarType.ComplexFloat64).DetachFromDisposeScope();
            _positionFlat = (0.5 * (r + r.mT)).reshape(3, (long)n * n).contiguous().DetachFromDisposeScope();
        }
        _fields = fields.ToArray();
        Potential = potential;
    }

    /// <summary>One field for every trajectory of the batch.</summary>
    /// <inheritdoc cref="TdhfEquation(Tensor, Tensor, ITwoElectronPotential, IReadOnlyList{Field})"/>
    public TdhfEquation(Tensor coreHamiltonian, Tensor position, ITwoElectronPotential potential, Field field)
        : this(coreHamiltonian, position, potential, new[] { field })
    {
    }

    /// <summary>The equation of a molecular system (its h and r) with the given potential and fields.</summary>
    /// <param name="system">Supplies h = <see cref="MolecularSystem.CoreHamiltonian"/> and r = <see cref="MolecularSystem.Position"/>.</param>
    /// <param name="potential">G(P) in the system's orthonormal basis, e.g. <c>new TruePotential(system.Eri)</c> or a learned model.</param>
    /// <param name="fields">One field for the whole batch, or one per trajectory of the batch.</param>
    public TdhfEquation(MolecularSystem system, ITwoElectronPotential potential, IReadOnlyList<Field> fields)
        : this(system.CoreHamiltonian, system.Position, potential, fields)
    {
    }

    /// <summary>The equation of a molecular system with one field for the whole batch.</summary>
    /// <inheritdoc cref="TdhfEquation(MolecularSystem, ITwoElectronPotential, IReadOnlyList{Field})"/>
    public TdhfEquation(MolecularSystem system, ITwoElectronPotential potential, Field field)
        : this(system.CoreHamiltonian, system.Position, potential, new[] { field })
    {
    }

    /// <summary>N, the size of the orthonormal basis.</summary>
    public int BasisSize => Potential.BasisSize;

    /// <summary>The two-electron potential G.</summary>
    public ITwoElectronPotential Potential { get; }

    /// <summary>The fields: one for the whole batch, or one per trajectory.</summary>
    public IReadOnlyList<Field> Fields => _fields;

    /// <summary>F(P, t) = h + G(P) + E(t)·r.</summary>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis; B must equal the number of fields unless there is one.</param>
    /// <param name="time">t, atomic units.</param>
    /// <returns>F: [B, N, N] complex128, orthonormal basis; exactly Hermitian when <see cref="ITwoElectronPotential.IsExactlyHermitian"/>.</returns>
    public Tensor Fock(Tensor density, double time)
    {
        RequireBatch(density);
        using var scope = torch.NewDisposeScope();
        var fock = Potential.Apply(density);
        var oneElectron = OneElectron(time);
        // G is a fresh tensor of ours; adding in place saves a [B, N, N] allocation unless autograd must see it.
        fock = fock.requires_grad ? fock + oneElectron : fock.add_(oneElectron);
        return fock.MoveToOuterDisposeScope();
    }

    /// <summary>dP/dt = −i [F(P, t), P].</summary>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis.</param>
    /// <param name="time">t, atomic units.</param>
    /// <returns>dP/dt: [B, N, N] complex128, orthonormal basis.</returns>
    public Tensor TimeDerivative(Tensor density, double time)
    {
        using var scope = torch.NewDisposeScope();
        var commutator = CommutatorWithFock(density, time);
        return (commutator * new Complex(0, -1)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// [F(P, t), P], so that integrators can fold the −i of dP/dt into their own coefficients. When G is exactly
    /// Hermitian this is FP − (FP)†: one matrix product instead of two, equal to [F, P] for Hermitian P, and exactly
    /// anti-Hermitian, so Hermitian densities stay Hermitian to the last bit.
    /// </summary>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis.</param>
    /// <param name="time">t, atomic units.</param>
    /// <returns>[B, N, N] complex128, orthonormal basis.</returns>
    internal Tensor CommutatorWithFock(Tensor density, double time)
    {
        using var scope = torch.NewDisposeScope();
        var fock = Fock(density, time);
        var product = fock.matmul(density);
        var commutator = Potential.IsExactlyHermitian ? Hermitian.MinusAdjoint(product) : product - density.matmul(fock);
        return commutator.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// F(P, t) made exactly Hermitian, for the exponential integrators: F itself when G is exactly Hermitian,
    /// otherwise ½(F + F†).
    /// </summary>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis.</param>
    /// <param name="time">t, atomic units.</param>
    /// <returns>[B, N, N] complex128, orthonormal basis.</returns>
    internal Tensor HermitianFock(Tensor density, double time)
    {
        var fock = Fock(density, time);
        if (Potential.IsExactlyHermitian) return fock;
        using (fock) return Hermitian.Part(fock);
    }

    /// <summary>
    /// P(0⁺) = U P(0) U† with U = exp(−i I·r) for every field's impulse I (see <see cref="DeltaKick"/>); a copy of
    /// <paramref name="density"/> when no field kicks.
    /// </summary>
    /// <param name="density">P(0): [B, N, N] complex128, orthonormal basis.</param>
    /// <returns>P(0⁺): [B, N, N] complex128, orthonormal basis.</returns>
    public Tensor ApplyInitialKicks(Tensor density)
    {
        RequireBatch(density);
        if (_fields.All(f => f.Impulse.IsZero)) return density.clone();
        using var scope = torch.NewDisposeScope();
        var generator = Contract(_fields.Select(f => f.Impulse));
        // exp(−i D) for the real symmetric D = I·r through its eigenvectors: stable and exactly unitary.
        var (values, vectors) = torch.linalg.eigh(generator);
        var phases = torch.complex(values.cos(), -values.sin());
        var vectorsComplex = vectors.to_type(ScalarType.ComplexFloat64);
        var unitary = (vectorsComplex * phases.unsqueeze(-2)).matmul(vectorsComplex.mH);
        return unitary.matmul(density).matmul(unitary.mH).MoveToOuterDisposeScope();
    }

    /// <summary>h + E(t)·r: [1, N, N] (or [F, N, N] with a field per trajectory) complex128, orthonormal basis.</summary>
    internal Tensor OneElectron(double time)
    {
        var vectors = _fields.Select(f => f.At(time)).ToArray();
        if (vectors.All(v => v.IsZero)) return _coreHamiltonian.unsqueeze(0);
        using var coupling = Contract(vectors);
        return coupling + _coreHamiltonian;
    }

    /// <summary>
    /// The array-based <see cref="MuntheKaas4"/> step for this equation, built on first use, when it applies to
    /// <paramref name="density"/>: N ≤ <see cref="Compact.CompactMuntheKaas4.MaxBasisSize"/>, the exact potential,
    /// CPU tensors and no autograd. Null otherwise. Keeps work space, so an equation serves one thread at a time.
    /// </summary>
    /// <param name="density">P: [B, N, N] complex128, orthonormal basis.</param>
    internal Compact.CompactMuntheKaas4? CompactMuntheKaas4(Tensor density)
    {
        if (BasisSize > Compact.CompactMuntheKaas4.MaxBasisSize || Potential is not TruePotential) return null;
        if (density.device_type != DeviceType.CPU || density.requires_grad) return null;
        RequireBatch(density);
        return _compact ??= CompactSnapshot();
    }

    /// <summary>
    /// A new array-based <see cref="MuntheKaas4"/> step for this equation with its potential as it is now, for any
    /// potential that is a linear, exactly Hermitian map (<see cref="Compact.PackedKernels.TryRead"/>), learned
    /// models included; null when N &gt; <see cref="Compact.CompactMuntheKaas4.MaxBasisSize"/> or the potential does not
    /// qualify. Later changes of the potential's parameters do not reach it, and no gradients flow through it.
    /// </summary>
    internal Compact.CompactMuntheKaas4? CompactSnapshot()
    {
        if (BasisSize > Compact.CompactMuntheKaas4.MaxBasisSize) return null;
        return Compact.PackedKernels.TryRead(Potential) is { } kernels
            ? new Compact.CompactMuntheKaas4(new Compact.CompactFock(_coreHamiltonian, _positionFlat, kernels), _fields, BasisSize)
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _coreHamiltonian.Dispose();
        _positionFlat.Dispose();
    }

    // Σ_k v_k r_k for each vector: [F, N, N] float64.
    private Tensor Contract(IEnumerable<CartesianVector> vectors)
    {
        var components = vectors.SelectMany(v => v.ToArray()).ToArray();
        using var weights = torch.tensor(components, new long[] { components.Length / 3, 3 }, ScalarType.Float64);
        return weights.matmul(_positionFlat).reshape(-1, BasisSize, BasisSize);
    }

    private void RequireBatch(Tensor density)
    {
        DensityArguments.RequireBatch(density, BasisSize, nameof(density));
        if (_fields.Length != 1 && density.shape[0] != _fields.Length)
            throw new ArgumentException($"the batch holds {density.shape[0]} densities but the equation has {_fields.Length} fields (one per trajectory, or a single one)", nameof(density));
    }
}
