using System.Globalization;
using TorchSharp;
using TorchTdhf.IO;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics.InitialConditions;

/// <summary>
/// Reads initial densities from NumPy files: an npy holding one [N, N] density or a stack [B, N, N], or one key of
/// an npz archive (e.g. the paper data's <c>p0_orthonormal</c> [N, N] or <c>p0_ensemble</c> [100, N, N]). The
/// densities are converted to our convention, then checked in order — shape and N, finite, Hermitian, trace
/// (unless switched off), idempotent — and the first failed check is reported with the file, the key, the first
/// failing member's index and the size of its deviation.
/// </summary>
public static class DensityFile
{
    /// <summary>Reads and checks densities.</summary>
    /// <param name="path">An npy file, or an npz archive together with <see cref="DensityImportOptions.Key"/>.</param>
    /// <param name="options">Electron count, key, convention and tolerances.</param>
    /// <returns>[N, N] or [B, N, N] as stored, complex128 on the CPU, orthonormal basis, our convention (Tr = N_e).</returns>
    /// <exception cref="TdhfInputException">The file cannot be read, has the wrong shape, or a check fails.</exception>
    public static Tensor Load(string path, DensityImportOptions options)
    {
        ValidateOptions(options);
        var array = ReadArray(path, options.Key);
        var shape = array.Shape;
        if (shape.Length is not (2 or 3) || shape[^1] != shape[^2])
            throw new TdhfInputException($"expected a density [N, N] or a stack [B, N, N], got shape ({string.Join(", ", shape)})", path, key: options.Key);
        if (options.BasisSize is int expected && shape[^1] != expected)
            throw new TdhfInputException($"densities are {shape[^1]}×{shape[^1]} but the system has N = {expected} basis functions", path, key: options.Key);
        if (array.DType is not (NpyDType.Complex128 or NpyDType.Float64 or NpyDType.Float32))
            throw new TdhfInputException($"densities must be complex128 or real floating point, got {array.DType.Descr()}", path, key: options.Key);

        using var scope = torch.NewDisposeScope();
        var stored = array.ToTensor().to(ScalarType.ComplexFloat64);
        var densities = options.Convention == DensityConvention.Paper ? stored.conj_physical().mul(2.0) : stored;
        Check(densities, path, options);
        return densities.MoveToOuterDisposeScope();
    }

    /// <summary>The spec that records a load in trajectory metadata.</summary>
    public static FileDensitySpec Spec(string path, DensityImportOptions options) =>
        new(path, options.Key, options.Convention, options.CheckTrace);

    private static NpyArray ReadArray(string path, string? key)
    {
        if (key is null)
        {
            if (path.EndsWith(".npz", StringComparison.OrdinalIgnoreCase))
            {
                using var archive = NpzReader.Open(path);
                throw new TdhfInputException($"an npz archive needs a key (it holds: {string.Join(", ", archive.Keys.Order())})", path, key: "key");
            }
            return Npy.Read(path);
        }
        using var npz = NpzReader.Open(path);
        return npz.Get(key);
    }

    private static void Check(Tensor densities, string path, DensityImportOptions options)
    {
        var d = DensityDeviations.Measure(densities, options.ElectronCount);
        var stacked = densities.dim() == 3;
        var conversion = options.Convention == DensityConvention.Paper ? " after conversion P = 2·conj(P_file)" : "";

        Fail(d.Finite.Select(f => f ? 0.0 : 1.0).ToArray(), 0.5, i => "has non-finite (NaN or infinite) entries");
        Fail(d.Hermiticity, options.HermiticityTolerance,
            i => $"is not Hermitian: max |P − Pᴴ| = {G(d.Hermiticity[i])} > tolerance {G(options.HermiticityTolerance)}");
        if (options.CheckTrace)
        {
            Fail(d.TraceError, options.TraceTolerance,
                i => $"has trace {G(d.Trace[i].Real)}{(d.Trace[i].Imaginary == 0 ? "" : $" {G(d.Trace[i].Imaginary)}i")}{conversion}, " +
                     $"expected N_e = {options.ElectronCount} (off by {G(d.TraceError[i])} > tolerance {G(options.TraceTolerance)}); " +
                     "set CheckTrace = false only to reproduce the learningTDHF paper's ensemble, whose traces vary");
        }
        Fail(d.Idempotency, options.IdempotencyTolerance,
            i => $"is not idempotent{conversion}: max |P² − 2P| = {G(d.Idempotency[i])} > tolerance {G(options.IdempotencyTolerance)}");

        void Fail(double[] deviation, double tolerance, Func<int, string> describe)
        {
            var failing = Enumerable.Range(0, deviation.Length).Where(i => !(deviation[i] <= tolerance)).ToList();
            if (failing.Count == 0) return;
            var first = failing[0];
            var who = stacked ? $"member {first} (zero-based) of {deviation.Length}" : "the density";
            var tally = stacked && failing.Count > 1 ? $" [{failing.Count} of {deviation.Length} members fail this check]" : "";
            throw new TdhfInputException($"{who} {describe(first)}{tally}", path, key: options.Key);
        }
    }

    private static void ValidateOptions(DensityImportOptions options)
    {
        if (options.ElectronCount <= 0 || options.ElectronCount % 2 != 0)
            throw new TdhfInputException($"electron count must be positive and even, got {options.ElectronCount}", key: "electrons");
        foreach (var (name, value) in new[]
                 {
                     ("hermiticity-tolerance", options.HermiticityTolerance),
                     ("trace-tolerance", options.TraceTolerance),
                     ("idempotency-tolerance", options.IdempotencyTolerance),
                 })
        {
            if (!double.IsFinite(value) || value < 0) throw new TdhfInputException($"tolerance must be finite and non-negative, got {value}", key: name);
        }
    }

    private static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
