using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;
using TorchTdhf.Dynamics.Generation;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.Models;
using TorchTdhf.Training;

namespace TorchTdhf.Tests.Training;

public class TrainingDataTests
{
    private static MolecularSystem HeHPlus() => new MolecularSystemBuilder().Build(new SystemSpec("heh+", "6-31g"));

    // A kicked, driven HeH+ trajectory of 5 samples written by the library's generator.
    private static void Generate(MolecularSystem system, string folder)
    {
        using var potential = new TruePotential(system.Eri);
        var batch = new TrajectoryBatch("train", new[]
        {
            new BatchMember("train", "train", new KickSpec(0.1, new[] { 0.0, 0.0, 1.0 }), new SinusoidalField(0.05, 0.5, CartesianVector.UnitZ, cycles: 1)),
        }, Dt: 0.01, Steps: 20, Stride: 5, Integrator: "magnus4");
        new TrajectoryGenerator(system, potential).Run(DatasetFolder.OpenOrCreate(folder), batch);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(directory.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to));
    }

    [Fact]
    public void LoadsTheSystemAndSamplesOfAGeneratedDataset()
    {
        using var folder = new TempFolder();
        using var system = HeHPlus();
        var dataset = folder.File("heh+");
        Generate(system, dataset);
        var systemFile = DatasetSystemFile.PathIn(dataset);
        Assert.True(File.Exists(systemFile));
        Assert.Equal(system.Fingerprint, DatasetSystemFile.Fingerprint(systemFile));

        var written = File.GetLastWriteTimeUtc(systemFile);
        Generate(system, dataset);
        Assert.Equal(written, File.GetLastWriteTimeUtc(systemFile));

        using var data = TrainingData.Load(new[] { dataset, dataset }, role: "train");
        Assert.Equal(system.Fingerprint, data.System.Fingerprint);
        Assert.Equal(system.Fingerprint, data.Samples.SystemFingerprint);
        Assert.Equal(10, data.Samples.Count);
        Assert.True(Bits.Identical(system.CoreHamiltonian, data.System.CoreHamiltonian));
        Assert.True(Bits.Identical(system.Position, data.System.Position));
        using var original = Dataset.Load(dataset);
        using var expected = TrainingSet.FromDataset(original, system);
        Assert.True(Bits.Identical(expected.Targets, data.Samples.Targets.narrow(0, 0, 5)));
        Assert.True(Bits.Identical(expected.Densities, data.Samples.Densities.narrow(0, 5, 5)));
    }

    [Fact]
    public void FoldersOfDifferentSystemsAreRefusedWithBothNamed()
    {
        using var folder = new TempFolder();
        using var system = HeHPlus();
        using var other = new MolecularSystemBuilder().Build(new SystemSpec("heh+", "sto-3g"));
        var (first, second) = (folder.File("a"), folder.File("b"));
        Generate(system, first);
        CopyFolder(first, second);
        AoIntegralsFile.Write(other, DatasetSystemFile.PathIn(second));

        var mixed = Assert.Throws<TdhfInputException>(() => TrainingData.Load(new[] { first, second }));
        foreach (var part in new[] { first, second, system.Fingerprint, other.Fingerprint }) Assert.Contains(part, mixed.Message);

        var inconsistent = Assert.Throws<TdhfInputException>(() => TrainingData.Load(new[] { second }));
        Assert.Contains("'train'", inconsistent.Message);
        Assert.Equal("systemFingerprint", inconsistent.Key);

        var refused = Assert.Throws<TdhfInputException>(() => Generate(system, second));
        Assert.Contains(other.Fingerprint, refused.Message);
    }

    [Fact]
    public void MissingSystemFileIsNamed()
    {
        using var folder = new TempFolder();
        using var system = HeHPlus();
        var dataset = folder.File("d");
        Generate(system, dataset);
        File.Delete(DatasetSystemFile.PathIn(dataset));
        var error = Assert.Throws<TdhfInputException>(() => TrainingData.Load(new[] { dataset }));
        Assert.Equal(DatasetSystemFile.PathIn(Path.GetFullPath(dataset)), error.File);
        Assert.Contains("system file", error.Message);
    }

    [Fact]
    public void NonFiniteDataAreRefused()
    {
        using var folder = new TempFolder();
        using var system = HeHPlus();
        var dataset = folder.File("d");
        Generate(system, dataset);
        var pdot = Path.Combine(dataset, "train", TrajectoryFiles.Derivatives);
        using (var values = TorchTdhf.IO.Npy.Read(pdot).ToTensor())
        {
            values[2, 1, 1] = torch.complex(torch.tensor(double.NaN), torch.tensor(0.0));
            TorchTdhf.IO.Npy.Write(pdot, TorchTdhf.IO.NpyArray.FromTensor(values));
        }
        var error = Assert.Throws<TdhfInputException>(() => TrainingData.Load(new[] { dataset }));
        Assert.Contains("NaN", error.Message);
    }
}
