using TorchTdhf.Dynamics;
using TorchTdhf.Dynamics.Generation;
using TorchTdhf.Dynamics.InitialConditions;

namespace TorchTdhf.Tests.Dynamics.Generation;

public class ProtocolPresetTests
{
    [Fact]
    public void PaperProtocolHasThePapersGrids()
    {
        var p = Protocol.Paper;
        Assert.Equal(0.0008268, p.Dt);
        Assert.Equal((200_000L, 10), (p.TrainingSteps, p.TrainingStride));
        Assert.Equal((100, 20_000L, 100), (p.EnsembleSize, p.EnsembleSteps, p.EnsembleStride));
    }

    [Fact]
    public void ScalingKeepsWholeStridesAndAtLeastFour()
    {
        var scaled = Protocol.Paper.Scaled(0.01);
        Assert.Equal(2000, scaled.TrainingSteps);
        Assert.Equal(400, scaled.EnsembleSteps);
        Assert.Equal(0, scaled.EnsembleSteps % scaled.EnsembleStride);
        Assert.Equal(400, Protocol.Paper.Scaled(1e-9).EnsembleSteps);
        Assert.Throws<TdhfInputException>(() => Protocol.Paper.Scaled(0));
        Assert.Throws<TdhfInputException>(() => Protocol.Paper.Scaled(2));
    }

    [Fact]
    public void CatalogHoldsTheSevenSystemsAndThePapersData()
    {
        var names = PresetCatalog.All.Select(p => p.Name).ToList();
        Assert.Equal(11, names.Count);
        Assert.Contains("c6h10n2o2_sto-3g", names);
        Assert.Contains("paper_lih_6-31g", names);
        Assert.All(PresetCatalog.Small, name => Assert.Contains(name, names));
        var error = Assert.Throws<TdhfInputException>(() => PresetCatalog.Get("benzene"));
        Assert.Contains("heh+_6-31g", error.Message);
        Assert.Equal("--preset", error.Key);
    }

    [Fact]
    public void BatchesShareGridsAndSeedTheEnsemble()
    {
        var preset = PresetCatalog.Get("lih_6-31g", 0.01);
        var batches = preset.Batches();
        Assert.Equal(2, batches.Count);
        var single = batches[0];
        Assert.Equal(new[] { "train", "test-field-free", "test-field-on" }, single.Members.Select(m => m.Role));
        Assert.IsType<NoField>(single.Members[0].Field);
        Assert.IsType<SinusoidalField>(single.Members[2].Field);
        var ensemble = batches[1];
        Assert.Equal(100, ensemble.Members.Count);
        var member = Assert.IsType<RandomEnsembleSpec>(ensemble.Members[7].InitialCondition);
        Assert.Equal((7, 100, 10.0), (member.Member, member.Count, member.Factor));
        Assert.Equal(PresetCatalog.TrainingKick, member.Base);
    }

    [Fact]
    public void PaperPresetsUseThePapersOwnInitialConditions()
    {
        var preset = PresetCatalog.Get("paper_heh+_6-31g");
        var training = Assert.IsType<FileDensitySpec>(preset.TrainingInitial);
        Assert.Equal(("p0_orthonormal", DensityConvention.Paper), (training.Key, training.Convention));
        Assert.False(preset.EnsembleFile!.TraceChecked);
    }

    [Fact]
    public void PapersHeHPlus6311GBasisReproducesPsi4()
    {
        var preset = PresetCatalog.Get("heh+_6-311g");
        using var system = preset.System.Build();
        Assert.Equal(14, system.FunctionCount);
        // psi4 1.3.2 with 6-311G** He plus s(0.086), from ../shared/paper-data/README.md.
        Assert.Equal(-2.929350934, system.Rhf!.TotalEnergy, 1e-8);
    }
}
