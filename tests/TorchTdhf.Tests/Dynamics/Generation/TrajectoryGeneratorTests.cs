using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;
using TorchTdhf.Dynamics.Generation;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.Models;

namespace TorchTdhf.Tests.Dynamics.Generation;

public class TrajectoryGeneratorTests
{
    private static MolecularSystem HeHPlus() => new MolecularSystemBuilder().Build(new SystemSpec("heh+", "6-31g"));

    [Fact]
    public void WritesTrajectoriesWhoseDerivativesMatchTheEquation()
    {
        using var folder = new TempFolder();
        using var system = HeHPlus();
        using var potential = new TruePotential(system.Eri);
        var generator = new TrajectoryGenerator(system, potential);
        var kick = new KickSpec(0.1, new[] { 0.0, 0.0, 1.0 });
        var batch = new TrajectoryBatch("test", new[]
        {
            new BatchMember("free", "train", kick, new NoField()),
            new BatchMember("driven", "test-field-on", kick, new SinusoidalField(0.05, 0.5, CartesianVector.UnitZ, cycles: 1)),
        }, Dt: 0.01, Steps: 40, Stride: 4, Integrator: "magnus4");
        var dataset = DatasetFolder.Create(folder.Path);
        var written = generator.Run(dataset, batch);
        Assert.Equal(2, written.Count);

        foreach (var id in new[] { "free", "driven" })
        {
            using var trajectory = TrajectoryReader.Read(dataset.TrajectoryFolder(id));
            Assert.Equal(11, trajectory.SampleCount);
            Assert.True(trajectory.Metadata.Completed);
            Assert.Equal(system.Fingerprint, trajectory.Metadata.Spec.SystemFingerprint);
            var field = id == "free" ? (Field)new NoField() : batch.Members[1].Field;
            using var equation = new TdhfEquation(system, potential, field);
            var times = trajectory.Times.data<double>().ToArray();
            for (var s = 0; s < times.Length; s++)
            {
                using var p = trajectory.Densities[s].unsqueeze(0);
                using var exact = equation.TimeDerivative(p, times[s]);
                var error = (exact[0] - trajectory.Derivatives[s]).abs().max().item<double>();
                Assert.True(error < 1e-6, $"{id}: Ṗ error {error} at t = {times[s]}");
                var trace = p[0].diagonal().sum().real.item<double>();
                Assert.Equal(2.0, trace, 1e-12);
            }
        }
        Assert.Empty(generator.Run(dataset, batch));
    }

    [Fact]
    public void TwinMembersArePropagatedOnceAndWrittenAlike()
    {
        using var folder = new TempFolder();
        using var system = HeHPlus();
        using var potential = new TruePotential(system.Eri);
        var generator = new TrajectoryGenerator(system, potential);
        var kick = new KickSpec(0.1, new[] { 0.0, 0.0, 1.0 });
        var driven = new SinusoidalField(0.05, 0.5, CartesianVector.UnitZ, cycles: 1);
        var batch = new TrajectoryBatch("twins", new[]
        {
            new BatchMember("train", "train", kick, new NoField()),
            new BatchMember("driven", "test-field-on", kick, driven),
            new BatchMember("free", "test-field-free", kick, new NoField()),
        }, Dt: 0.01, Steps: 20, Stride: 4, Integrator: "magnus4");
        var dataset = DatasetFolder.Create(folder.Path);
        generator.Run(dataset, batch);

        byte[] Densities(string id) => File.ReadAllBytes(Path.Combine(dataset.TrajectoryFolder(id), "P.npy"));
        Assert.Equal(Densities("train"), Densities("free"));
        Assert.NotEqual(Densities("train"), Densities("driven"));
        using var alone = new TempFolder();
        var single = DatasetFolder.Create(alone.Path);
        generator.Run(single, batch with { Members = new[] { batch.Members[1] } });
        using var together = TrajectoryReader.Read(dataset.TrajectoryFolder("driven"));
        using var apart = TrajectoryReader.Read(single.TrajectoryFolder("driven"));
        Assert.True((together.Densities - apart.Densities).abs().max().item<double>() < 1e-13);
    }

    [Fact]
    public void BadGridWritesNothing()
    {
        using var folder = new TempFolder();
        using var system = HeHPlus();
        using var potential = new TruePotential(system.Eri);
        var generator = new TrajectoryGenerator(system, potential);
        var batch = new TrajectoryBatch("bad", new[] { new BatchMember("a", "train", new GroundStateSpec(), new NoField()) },
            Dt: 0.01, Steps: 30, Stride: 4, Integrator: "magnus4");
        var dataset = DatasetFolder.Create(folder.Path);
        var error = Assert.Throws<TdhfInputException>(() => generator.Run(dataset, batch));
        Assert.Equal("stride", error.Key);
        Assert.False(dataset.IsComplete("a", generator.Spec(batch, batch.Members[0]).Hash()));
        Assert.False(Directory.Exists(dataset.TrajectoryFolder("a")) && Directory.GetFiles(dataset.TrajectoryFolder("a"), "P.npy").Length > 0);
    }

    [Fact]
    public void InitialDensitiesFollowTheirSpecs()
    {
        using var system = HeHPlus();
        using var ground = InitialDensities.Build(system, new GroundStateSpec());
        Assert.Equal(new long[] { 1, 4, 4 }, ground.shape);
        using var kicked = InitialDensities.Build(system, new KickSpec(0.1, new[] { 0.0, 0.0, 1.0 }));
        Assert.True((kicked - ground).abs().max().item<double>() > 1e-3);
        var ensemble = new RandomEnsembleSpec(new GroundStateSpec(), 1.0, 5, 6);
        using var all = InitialDensities.Build(system, ensemble);
        using var third = InitialDensities.Build(system, ensemble.ForMember(3));
        Assert.Equal(new long[] { 6, 4, 4 }, all.shape);
        Assert.Equal(0.0, (all[3] - third[0]).abs().max().item<double>());
        foreach (var p in new[] { kicked, all })
        {
            using var traces = p.diagonal(0, -2, -1).sum(-1).real;
            Assert.True((traces - 2.0).abs().max().item<double>() < 1e-12);
        }
        Assert.Throws<TdhfInputException>(() => InitialDensities.Build(system, ensemble.ForMember(6)));
    }

    [Theory]
    [InlineData("ground", "ground")]
    [InlineData("kick:strength=0.2,dir=z", "kick")]
    [InlineData("file:data/paper/lih_6-31g.npz#p0_orthonormal", "file")]
    public void ParsesInitialConditions(string text, string kind)
    {
        Assert.Equal(kind, InitialConditionParser.Parse(text).Kind);
    }

    [Fact]
    public void ParsedFileKeepsPathAndKey()
    {
        var spec = Assert.IsType<FileDensitySpec>(InitialConditionParser.Parse("file:a/b.npz#p0_ensemble", DensityConvention.Paper));
        Assert.Equal(("a/b.npz", "p0_ensemble", DensityConvention.Paper), (spec.Path, spec.Key, spec.Convention));
        Assert.Throws<TdhfInputException>(() => InitialConditionParser.Parse("excited"));
    }
}
