using System.Globalization;
using TorchSharp;
using TorchTdhf.IO;
using static TorchSharp.torch;

namespace TorchTdhf.Datasets;

/// <summary>
/// Loads a trajectory folder (see <see cref="TrajectoryFiles"/>) and checks it: every array present, of the sizes
/// its metadata states, and finite. Errors name the file and the array. Arrays are read whole, so each must fit in
/// a .NET array (2 GiB); larger ones can be memory-mapped from NumPy.
/// </summary>
public static class TrajectoryReader
{
    /// <summary>Reads one trajectory. When <c>Pdot.npy</c> is absent, Ṗ is estimated from the stored samples by
    /// fourth-order differences (central inside, one-sided at both ends; needs T ≥ 5 equally spaced samples).</summary>
    /// <param name="trajectoryFolder">The folder holding <c>metadata.json</c> and the arrays.</param>
    /// <exception cref="TdhfInputException">A file is missing, malformed, inconsistent or not finite.</exception>
    public static Trajectory Read(string trajectoryFolder)
    {
        var folder = Path.GetFullPath(trajectoryFolder);
        var metadataPath = Path.Combine(folder, TrajectoryFiles.Metadata);
        var metadata = DatasetJson.Read<TrajectoryMetadata>(metadataPath, "trajectory metadata");
        if (metadata.Format != TrajectoryMetadata.FormatName || metadata.FormatVersion != 1)
            throw new TdhfInputException($"not TorchTdhf trajectory metadata (format '{metadata.Format}' version {metadata.FormatVersion})", metadataPath, key: "format");
        if (metadata.Spec is null) throw new TdhfInputException("metadata has no spec", metadataPath, key: "spec");
        var n = metadata.Spec.BasisSize;
        var count = metadata.SampleCount;

        using var scope = torch.NewDisposeScope();
        var times = ReadSeries(folder, TrajectoryFiles.Times, count);
        var field = ReadSeries(folder, TrajectoryFiles.Field, count);
        var densities = ReadDensities(folder, TrajectoryFiles.Densities, count, n);
        var derivativesPath = Path.Combine(folder, TrajectoryFiles.Derivatives);
        var estimated = !File.Exists(derivativesPath);
        var derivatives = estimated
            ? Estimate(densities, times, derivativesPath)
            : ReadDensities(folder, TrajectoryFiles.Derivatives, count, n);
        return new Trajectory(folder, metadata,
            densities.MoveToOuterDisposeScope(), derivatives.MoveToOuterDisposeScope(),
            times.MoveToOuterDisposeScope(), field.MoveToOuterDisposeScope(), estimated);
    }

    private static Tensor ReadDensities(string folder, string name, long count, int n)
    {
        var path = Path.Combine(folder, name);
        var key = KeyOf(name);
        var array = Npy.Read(path);
        if (array.Shape.Length != 3 || array.Shape[1] != array.Shape[2])
            throw new TdhfInputException($"expected [T, N, N] densities, got shape ({string.Join(", ", array.Shape)})", path, key: key);
        if (array.Shape[1] != n)
            throw new TdhfInputException($"densities are {array.Shape[1]}×{array.Shape[2]} but the metadata says N = {n}", path, key: key);
        if (array.Shape[0] != count)
            throw new TdhfInputException($"holds {array.Shape[0]} samples but the metadata says {count}", path, key: key);
        if (array.DType != NpyDType.Complex128)
            throw new TdhfInputException($"expected complex128 (<c16) densities, got {array.DType.Descr()}", path, key: key);
        var tensor = array.ToTensor();
        RequireFinite(tensor, path, key);
        return tensor;
    }

    private static Tensor ReadSeries(string folder, string name, long count)
    {
        var path = Path.Combine(folder, name);
        var key = KeyOf(name);
        var array = Npy.Read(path);
        if (array.Shape.Length != 1 || array.Shape[0] != count)
            throw new TdhfInputException($"expected [{count}] values, got shape ({string.Join(", ", array.Shape)})", path, key: key);
        if (array.DType is not (NpyDType.Float64 or NpyDType.Float32))
            throw new TdhfInputException($"expected float64 values, got {array.DType.Descr()}", path, key: key);
        var tensor = array.ToTensor().to(ScalarType.Float64);
        RequireFinite(tensor, path, key);
        return tensor;
    }

    private static void RequireFinite(Tensor tensor, string path, string key)
    {
        using var scope = torch.NewDisposeScope();
        var badPerSample = tensor.isfinite().logical_not().reshape(tensor.shape[0], -1).any(1);
        if (!badPerSample.any().item<bool>()) return;
        var first = badPerSample.nonzero()[0, 0].item<long>();
        var total = badPerSample.sum().item<long>();
        throw new TdhfInputException($"sample {first} has NaN or infinite values ({total} of {tensor.shape[0]} samples do)", path, key: key);
    }

    private static Tensor Estimate(Tensor densities, Tensor times, string derivativesPath)
    {
        var count = densities.shape[0];
        if (count < 5)
            throw new TdhfInputException($"no Ṗ stored and {count} samples are too few to estimate it (need 5)", derivativesPath, key: "Pdot");
        var t = times.data<double>().ToArray();
        var h = t[1] - t[0];
        for (var s = 1; s < t.Length; s++)
        {
            if (!(Math.Abs(t[s] - t[s - 1] - h) <= 1e-9 * Math.Abs(h)) || h <= 0)
                throw new TdhfInputException(string.Create(CultureInfo.InvariantCulture,
                    $"no Ṗ stored and the sample times are not equally spaced (step {s}: {t[s] - t[s - 1]:G6} against {h:G6}), so it cannot be estimated"),
                    derivativesPath, key: "t");
        }
        return FourthOrderDifference.AlongFirstDimension(densities, h);
    }

    private static string KeyOf(string fileName) => Path.GetFileNameWithoutExtension(fileName);
}
