using System.Numerics;
using System.Text.Json;
using TorchSharp;
using TorchTdhf.Datasets;
using TorchTdhf.IO;
using TorchTdhf.Tests.Dynamics.InitialConditions;

namespace TorchTdhf.Tests.Datasets;

public class TrajectoryWriterTests
{
    [Fact]
    public void StreamedTrajectoriesReadBackEqual()
    {
        using var folder = new TempFolder();
        using var trajectory = new AnalyticTrajectory(n: 4, electrons: 2, batch: 3, seed: 5);
        var dataset = DatasetFolder.Create(folder.Path);
        var spec = TestSpecs.Spec(dt: 0.05, steps: 12, stride: 3);
        var members = TestSpecs.Members(3, spec);
        var written = WriteHelper.WriteAll(dataset, members, trajectory);

        Assert.Equal(3, written.Count);
        for (var b = 0; b < 3; b++)
        {
            using var stored = TrajectoryReader.Read(dataset.TrajectoryFolder(members[b].Id));
            Assert.Equal(5, stored.SampleCount);
            Assert.False(stored.DerivativesEstimated);
            for (var i = 0; i < 5; i++)
            {
                using var scope = torch.NewDisposeScope();
                var t = 3 * i * spec.Dt;
                Assert.Equal(t, stored.Times[i].item<double>());
                Assert.Equal(Math.Sin(t), stored.Field[i].item<double>());
                Assert.Equal(TestDensities.Bytes(trajectory.At(t)[b]), TestDensities.Bytes(stored.Densities[i]));
            }
            var metadata = stored.Metadata;
            Assert.True(metadata.Completed);
            Assert.Equal(5, metadata.SampleCount);
            Assert.Equal(members[b].Spec.Hash(), metadata.SpecHash);
            Assert.Equal(members[b].Id, metadata.Id);
            Assert.Equal("ensemble", metadata.Role);
            Assert.False(string.IsNullOrEmpty(metadata.ProgramVersion));
            Assert.Null(metadata.StopReason);
        }
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void TheInteriorDerivativeIsTheCentralFormulaOnTheFineGrid()
    {
        using var folder = new TempFolder();
        using var trajectory = new AnalyticTrajectory(n: 3, electrons: 2, batch: 1, seed: 8);
        var dataset = DatasetFolder.Create(folder.Path);
        var spec = TestSpecs.Spec(dt: 0.1, steps: 8, stride: 4, n: 3);
        var members = TestSpecs.Members(1, spec);
        WriteHelper.WriteAll(dataset, members, trajectory);
        using var stored = TrajectoryReader.Read(dataset.TrajectoryFolder(members[0].Id));
        using var scope = torch.NewDisposeScope();
        // Sample 1 is fine step 4: [P(2) − 8P(3) + 8P(5) − P(6)] / (12 dt).
        var dt = spec.Dt;
        var expected = (trajectory.At(2 * dt) - 8 * trajectory.At(3 * dt) + 8 * trajectory.At(5 * dt) - trajectory.At(6 * dt)) / (12 * dt);
        Assert.True((stored.Derivatives[1] - expected[0]).abs().max().item<double>() < 1e-13);
    }

    [Fact]
    public void ArrayFilesCarryTheHeaderNumPyWrites()
    {
        using var folder = new TempFolder();
        using var trajectory = new AnalyticTrajectory(n: 4, electrons: 2, batch: 1, seed: 2);
        var dataset = DatasetFolder.Create(folder.Path);
        var members = TestSpecs.Members(1, TestSpecs.Spec(steps: 8, stride: 2));
        WriteHelper.WriteAll(dataset, members, trajectory);
        foreach (var name in new[] { TrajectoryFiles.Densities, TrajectoryFiles.Derivatives })
        {
            var bytes = File.ReadAllBytes(Path.Combine(dataset.TrajectoryFolder(members[0].Id), name));
            using var reference = new MemoryStream();
            Npy.Write(reference, NpyArray.Of(new Complex[5 * 16], 5, 4, 4));
            var headerLength = (int)reference.Length - 5 * 16 * 16;
            Assert.Equal(reference.ToArray()[..headerLength], bytes[..headerLength]);
            Assert.Equal(reference.Length, bytes.Length);
        }
    }

    [Fact]
    public void AnArrayStoppedEarlyGetsAHeaderWithTheRowsWritten()
    {
        using var folder = new TempFolder();
        var path = folder.File("short.npy");
        using (var writer = new NpyAppendWriter(path, NpyDType.Float64, 123456, 2))
        {
            writer.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new[] { 1.0, 2, 3, 4, 5, 6 }.AsSpan()));
            writer.Finish();
        }
        var bytes = File.ReadAllBytes(path);
        var header = System.Text.Encoding.Latin1.GetString(bytes, 10, BitConverter.ToUInt16(bytes, 8));
        Assert.StartsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 2), }", header);
        Assert.EndsWith("\n", header);
        Assert.Equal(0, (10 + header.Length) % 64);
        var array = Npy.Read(path);
        Assert.Equal(new long[] { 3, 2 }, array.Shape);
        Assert.Equal(new[] { 1.0, 2, 3, 4, 5, 6 }, array.ToDoubleArray());
    }

    [Fact]
    public void MetadataSidecarNamesEverythingNeededToRegenerate()
    {
        using var folder = new TempFolder();
        using var trajectory = new AnalyticTrajectory(n: 4, electrons: 2, batch: 1, seed: 3);
        var dataset = DatasetFolder.Create(folder.Path);
        var members = TestSpecs.Members(1, TestSpecs.Spec(steps: 8, stride: 4, seed: 77));
        WriteHelper.WriteAll(dataset, members, trajectory);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dataset.TrajectoryFolder(members[0].Id), TrajectoryFiles.Metadata)));
        var root = json.RootElement;
        var spec = root.GetProperty("spec");
        Assert.Equal("test-system", spec.GetProperty("systemFingerprint").GetString());
        Assert.Equal(0.05, spec.GetProperty("dt").GetDouble());
        Assert.Equal(4, spec.GetProperty("stride").GetInt32());
        Assert.Equal(8, spec.GetProperty("steps").GetInt64());
        Assert.Equal("analytic", spec.GetProperty("integrator").GetString());
        Assert.Equal("sine", spec.GetProperty("field").GetProperty("kind").GetString());
        Assert.Equal(3, spec.GetProperty("polarisation").GetArrayLength());
        Assert.Equal("random", spec.GetProperty("initialCondition").GetProperty("kind").GetString());
        Assert.Equal(77, spec.GetProperty("seed").GetInt64());
        Assert.Equal(4, spec.GetProperty("basisSize").GetInt32());
        Assert.Equal(2, spec.GetProperty("electronCount").GetInt32());
        Assert.True(root.GetProperty("completed").GetBoolean());
        Assert.Equal(3, root.GetProperty("sampleCount").GetInt64());
        Assert.True(root.TryGetProperty("programVersion", out _));
    }
}
