using System.Numerics;
using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using static TorchSharp.torch;

namespace TorchTdhf.Training;

/// <summary>
/// The samples of derivative matching, with everything known folded into one target per sample:
/// b_t = i Ṗ_t − [H_core − E(t)·μ, P_t], so that the residual of a two-electron model G_θ is
/// r_t(θ) = b_t − [G_θ(P_t), P_t] and the loss is Σ_t ‖r_t‖²_F. The true Hamiltonian's G never enters.
/// </summary>
/// <remarks>
/// μ = −r along each trajectory's field polarisation, so −E(t)·μ = E(t)·(n·r) (the sign convention of
/// <see cref="Dynamics.TdhfEquation"/>). Owns its tensors: dispose the set to free them.
/// </remarks>
public sealed class TrainingSet : IDisposable
{
    private TrainingSet(Tensor densities, Tensor targets, string systemFingerprint, IReadOnlyList<string> sources)
    {
        Densities = densities;
        Targets = targets;
        SystemFingerprint = systemFingerprint;
        Sources = sources;
    }

    /// <summary>P: [S, N, N] complex128, orthonormal basis, every sample of every trajectory in order; exactly Hermitian
    /// (the Hermitian part of the densities given or read).</summary>
    public Tensor Densities { get; }

    /// <summary>b: [S, N, N] complex128, orthonormal basis, the known part of each residual.</summary>
    public Tensor Targets { get; }

    /// <summary>The system fingerprint shared by all samples.</summary>
    public string SystemFingerprint { get; }

    /// <summary>The trajectory folders the samples came from, in order.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>Samples S.</summary>
    public long Count => Densities.shape[0];

    /// <summary>N.</summary>
    public int BasisSize => (int)Densities.shape[1];

    /// <summary>Builds the samples of every trajectory of <paramref name="dataset"/>.</summary>
    /// <param name="dataset">Trajectories of <paramref name="system"/> (checked by fingerprint and size).</param>
    /// <param name="system">Supplies H_core and the position operator (orthonormal basis).</param>
    /// <exception cref="TdhfInputException">The data belong to another system, or hold NaN or Inf.</exception>
    public static TrainingSet FromDataset(Dataset dataset, MolecularSystem system)
    {
        if (dataset.SystemFingerprint != system.Fingerprint)
            throw new TdhfInputException($"the data belong to system {dataset.SystemFingerprint}, not {system.Fingerprint} ({system.Name})",
                dataset.Trajectories[0].Folder, key: "systemFingerprint");
        if (dataset.BasisSize != system.OrbitalCount)
            throw new TdhfInputException($"the data have N = {dataset.BasisSize}, the system N = {system.OrbitalCount}", dataset.Trajectories[0].Folder, key: "basisSize");
        var densities = new List<Tensor>();
        var targets = new List<Tensor>();
        using var scope = torch.NewDisposeScope();
        foreach (var trajectory in dataset.Trajectories)
        {
            RequireFinite(trajectory.Densities, trajectory.Folder, "P");
            RequireFinite(trajectory.Derivatives, trajectory.Folder, "Pdot");
            RequireFinite(trajectory.Field, trajectory.Folder, "field");
            // Stored densities are Hermitian to round-off; their Hermitian part makes every commutator with a Hermitian
            // potential exactly anti-Hermitian, which the training operator's fast path relies on.
            var density = HermitianPart(trajectory.Densities);
            densities.Add(density);
            targets.Add(Target(trajectory, density, system));
        }
        var allDensities = torch.cat(densities.ToArray(), 0).DetachFromDisposeScope();
        var allTargets = torch.cat(targets.ToArray(), 0).DetachFromDisposeScope();
        return new TrainingSet(allDensities, allTargets, system.Fingerprint, dataset.Trajectories.Select(t => t.Folder).ToArray());
    }

    /// <summary>A set from given samples (synthetic data, tests); the tensors are copied, the densities as their Hermitian part.</summary>
    /// <param name="densities">P: [S, N, N] complex128, orthonormal basis, Hermitian to round-off.</param>
    /// <param name="targets">b: [S, N, N] complex128, orthonormal basis.</param>
    /// <param name="systemFingerprint">The fingerprint of the system the samples belong to.</param>
    /// <exception cref="ArgumentException">Shapes or dtypes differ from the above, or S = 0.</exception>
    /// <exception cref="TdhfInputException">NaN or Inf values, or densities that are not Hermitian.</exception>
    public static TrainingSet FromSamples(Tensor densities, Tensor targets, string systemFingerprint)
    {
        if (densities.dtype != ScalarType.ComplexFloat64 || targets.dtype != ScalarType.ComplexFloat64)
            throw new ArgumentException($"samples must be complex128, not {densities.dtype} and {targets.dtype}");
        if (densities.dim() != 3 || densities.shape[0] < 1 || densities.shape[1] != densities.shape[2] || !densities.shape.SequenceEqual(targets.shape))
            throw new ArgumentException($"samples must be two [S, N, N] tensors, not [{string.Join(", ", densities.shape)}] and [{string.Join(", ", targets.shape)}]");
        RequireFinite(densities, "samples", "P");
        RequireFinite(targets, "samples", "b");
        using var scope = torch.NewDisposeScope();
        var source = densities.detach();
        var asymmetry = (source - source.mH).abs().max().item<double>();
        if (asymmetry > HermitianTolerance * Math.Max(1.0, source.abs().max().item<double>()))
            throw new TdhfInputException($"the densities are not Hermitian: max |P − P†| = {asymmetry:E3}", "samples", key: "P");
        return new TrainingSet(HermitianPart(source).DetachFromDisposeScope(), targets.detach().clone().DetachFromDisposeScope(), systemFingerprint,
            Array.Empty<string>());
    }

    /// <summary>A subset of the samples (views share memory with this set; the caller disposes them).</summary>
    /// <param name="start">First sample.</param>
    /// <param name="length">Samples in the chunk.</param>
    /// <returns>(P, b), each [length, N, N] complex128.</returns>
    public (Tensor Densities, Tensor Targets) Chunk(long start, long length) =>
        (Densities.narrow(0, start, length), Targets.narrow(0, start, length));

    /// <inheritdoc />
    public void Dispose()
    {
        Densities.Dispose();
        Targets.Dispose();
    }

    // b = iṖ − [h + E(t)(n·r), P] for one trajectory: [T, N, N] complex128.
    private static Tensor Target(Trajectory trajectory, Tensor density, MolecularSystem system)
    {
        var known = system.CoreHamiltonian.to_type(ScalarType.ComplexFloat64).unsqueeze(0);
        if (trajectory.Metadata.Spec.Polarisation is { } n)
        {
            var direction = torch.tensor(n.ToArray(), ScalarType.Float64);
            var coupling = torch.einsum("k,kij->ij", direction, system.Position).to_type(ScalarType.ComplexFloat64);
            known = known + trajectory.Field.to_type(ScalarType.ComplexFloat64).reshape(-1, 1, 1) * coupling.unsqueeze(0);
        }
        var commutator = known.matmul(density) - density.matmul(known);
        return trajectory.Derivatives * new Complex(0, 1) - commutator;
    }

    // Relative departure from Hermiticity accepted as round-off in given densities.
    private const double HermitianTolerance = 1e-8;

    private static Tensor HermitianPart(Tensor matrices) => (matrices + matrices.mH) * 0.5;

    private static void RequireFinite(Tensor tensor, string folder, string key)
    {
        var finite = tensor.is_complex() ? torch.view_as_real(tensor).isfinite() : tensor.isfinite();
        if (!finite.all().item<bool>()) throw new TdhfInputException($"the trajectory's {key} holds NaN or Inf values", folder, key: key);
    }
}
