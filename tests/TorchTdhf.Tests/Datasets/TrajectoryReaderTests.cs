using System.Numerics;
using TorchSharp;
using TorchTdhf.Datasets;
using TorchTdhf.IO;

namespace TorchTdhf.Tests.Datasets;

public class TrajectoryReaderTests
{
    private static string WriteOne(string datasetPath, string fingerprint = "test-system", string role = "train", string prefix = "traj", int stride = 2)
    {
        using var trajectory = new AnalyticTrajectory(n: 4, electrons: 2, batch: 1, seed: 21);
        var dataset = DatasetFolder.OpenOrCreate(datasetPath);
        var members = TestSpecs.Members(1, TestSpecs.Spec(dt: 0.02, steps: 40, stride: stride, fingerprint: fingerprint), prefix, role);
        WriteHelper.WriteAll(dataset, members, trajectory);
        return dataset.TrajectoryFolder(members[0].Id);
    }

    [Fact]
    public void AMissingArrayIsNamed()
    {
        using var folder = new TempFolder();
        var trajectory = WriteOne(folder.Path);
        File.Delete(Path.Combine(trajectory, TrajectoryFiles.Times));
        var error = Assert.Throws<TdhfInputException>(() => TrajectoryReader.Read(trajectory));
        Assert.EndsWith("t.npy", error.File);
        Assert.Contains("file not found", error.Message);
    }

    [Fact]
    public void MissingMetadataIsNamed()
    {
        using var folder = new TempFolder();
        var trajectory = WriteOne(folder.Path);
        File.Delete(Path.Combine(trajectory, TrajectoryFiles.Metadata));
        Assert.Contains("missing trajectory metadata", Assert.Throws<TdhfInputException>(() => TrajectoryReader.Read(trajectory)).Message);
    }

    [Fact]
    public void NonFiniteSamplesAreNamed()
    {
        using var folder = new TempFolder();
        var trajectory = WriteOne(folder.Path);
        var path = Path.Combine(trajectory, TrajectoryFiles.Derivatives);
        var array = Npy.Read(path);
        ((Complex[])array.Data)[2 * 16 + 5] = new Complex(double.PositiveInfinity, 0);
        Npy.Write(path, array);
        var error = Assert.Throws<TdhfInputException>(() => TrajectoryReader.Read(trajectory));
        Assert.Equal(path, error.File);
        Assert.Equal("Pdot", error.Key);
        Assert.Contains("sample 2 has NaN or infinite values", error.Message);
    }

    [Fact]
    public void ABasisSizeOtherThanTheMetadatasIsNamed()
    {
        using var folder = new TempFolder();
        var trajectory = WriteOne(folder.Path);
        var path = Path.Combine(trajectory, TrajectoryFiles.Densities);
        Npy.Write(path, NpyArray.Of(new Complex[21 * 9], 21, 3, 3));
        var error = Assert.Throws<TdhfInputException>(() => TrajectoryReader.Read(trajectory));
        Assert.Equal("P", error.Key);
        Assert.Contains("3×3 but the metadata says N = 4", error.Message);
    }

    [Fact]
    public void MixedSystemsAreRefused()
    {
        using var folder = new TempFolder();
        WriteOne(folder.File("a"), fingerprint: "system-a");
        var other = WriteOne(folder.File("b"), fingerprint: "system-b");
        var error = Assert.Throws<TdhfInputException>(() => Dataset.Load(new[] { folder.File("a"), folder.File("b") }));
        Assert.Equal("systemFingerprint", error.Key);
        Assert.Equal(Path.Combine(other, TrajectoryFiles.Metadata), error.File);
        Assert.Contains(Path.Combine(folder.File("a"), "traj-0000", TrajectoryFiles.Metadata), error.Message);
    }

    [Fact]
    public void RolesSelectTrajectories()
    {
        using var folder = new TempFolder();
        WriteOne(folder.Path, role: "train", prefix: "train");
        WriteOne(folder.Path, role: "test-field-on", prefix: "test");
        using var train = Dataset.Load(folder.Path, role: "train");
        Assert.Equal("train", Assert.Single(train.Trajectories).Metadata.Role);
        using var all = Dataset.Load(folder.Path);
        Assert.Equal(2, all.Trajectories.Count);
        Assert.Equal(4, all.BasisSize);
        var none = Assert.Throws<TdhfInputException>(() => Dataset.Load(folder.Path, role: "validation"));
        Assert.Contains("roles present: test-field-on, train", none.Message);
    }

    [Fact]
    public void AMissingDerivativeIsEstimatedFromTheSamples()
    {
        using var folder = new TempFolder();
        var trajectoryFolder = WriteOne(folder.Path, stride: 1);
        using var stored = TrajectoryReader.Read(trajectoryFolder);
        File.Delete(Path.Combine(trajectoryFolder, TrajectoryFiles.Derivatives));
        using var estimated = TrajectoryReader.Read(trajectoryFolder);
        Assert.True(estimated.DerivativesEstimated);
        using var difference = (estimated.Derivatives - stored.Derivatives).abs().max();
        // With stride 1 the samples are the fine grid, so both estimates use the same formulas.
        Assert.True(difference.item<double>() < 1e-12, $"difference {difference.item<double>()}");
    }
}
