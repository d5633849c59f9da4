using System.IO.Compression;
using System.Text.Json;
using TorchTdhf.Study;

namespace TorchTdhf.Tests.Study;

public class ReproductionTests
{
    private static readonly byte[] NpyMagic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    [Fact]
    public void MicroPresetWritesEveryReportFileAndASecondRunReusesEveryStage()
    {
        using var folder = new TempFolder();
        var options = new ReproduceOptions(StudyPresets.Micro, folder.Path);

        var first = Reproduction.Run(options);

        Assert.All(new[] { "results.json", "tables.md", "tables.tex" }, name => Assert.True(File.Exists(Path.Combine(folder.Path, name)), name));
        var plots = Directory.GetFiles(Path.Combine(folder.Path, "plots"), "*.png").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(new[]
        {
            "heh+_6-31g-density-elements.png", "heh+_6-31g-induced-dipole.png", "heh+_6-31g-propagation-error-test-field-free.png",
            "heh+_6-31g-propagation-error-test-field-on.png", "heh+_6-31g-spectrum.png", "heh+_6-31g-training-curves.png",
        }, plots);
        Assert.All(plots, p => Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(Path.Combine(folder.Path, "plots", p!))[..4]));
        var arrays = Directory.GetFiles(Path.Combine(folder.Path, "arrays"), "*.npz");
        Assert.Equal(6, arrays.Length);
        Assert.All(arrays, AssertNumpyArchive);

        var models = first.Results.Systems.Single().Models;
        Assert.Equal(StudyRecipes.For(StudyPresets.Micro, withComparisons: true, basisSize: 4).Select(r => r.Label), models.Select(m => m.Label));
        Assert.All(models, m => Assert.Equal(2, m.Evaluation.Metrics.TestSets.Count));
        Assert.Contains("## Field-on propagation error", first.Tables);
        Assert.Contains("Symm traj (rollout)", first.Tables);
        Assert.Contains(first.Results.Stages, s => !s.Skipped && s.Stage == StageNames.Train);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.Path, "results.json")));
        Assert.Equal("torchtdhf-study", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(8, json.RootElement.GetProperty("systems")[0].GetProperty("models").GetArrayLength());

        var second = Reproduction.Run(options);

        var work = second.Results.Stages.Where(s => s.Stage != StageNames.Report).ToList();
        Assert.Equal(first.Results.Stages.Count(s => s.Stage != StageNames.Report), work.Count);
        Assert.All(work, s => Assert.True(s.Skipped, $"{s.Stage} {s.Item} was redone"));
        Assert.Equal(first.Tables, second.Tables);
    }

    [Fact]
    public void ARemovedEvaluationIsRedoneAndTheRestReused()
    {
        using var folder = new TempFolder();
        var preset = StudyPresets.Micro with { ComparisonSystems = 0 };
        var options = new ReproduceOptions(preset, folder.Path);
        Reproduction.Run(options);
        var recipe = StudyRecipes.For(preset, withComparisons: false, basisSize: 4)[0];
        File.Delete(Path.Combine(new StudyLayout(folder.Path).Run("heh+_6-31g", recipe), ModelEvaluationFiles.DynamicsFileName));
        Directory.Delete(Path.Combine(folder.Path, "plots"), recursive: true);

        var again = Reproduction.Run(options);

        var redone = again.Results.Stages.Where(s => !s.Skipped && s.Stage != StageNames.Report).Select(s => (s.Stage, s.Item)).ToList();
        Assert.Equal(new[] { (StageNames.Evaluate, recipe.FolderName) }, redone);
        Assert.True(File.Exists(Path.Combine(folder.Path, "plots", "heh+_6-31g-spectrum.png")));
    }

    [Fact]
    public void UnknownPresetsAndSystemsListTheKnownOnes()
    {
        var preset = Assert.Throws<TdhfInputException>(() => StudyPresets.Get("huge"));
        Assert.Contains("quick, small, paper, paper-data", preset.Message);
        var system = Assert.Throws<TdhfInputException>(() => StudyPresets.WithSystems(StudyPresets.Quick, new[] { "h2o_sto-3g" }));
        Assert.Contains("lih_6-31g", system.Message);
    }

    [Fact]
    public void SystemsCanBeChosen()
    {
        var chosen = StudyPresets.WithSystems(StudyPresets.Small, new[] { "LIH_6-31G", " heh+_6-31g" });
        Assert.Equal(new[] { "lih_6-31g", "heh+_6-31g" }, chosen.Systems);
        Assert.Same(StudyPresets.Quick, StudyPresets.WithSystems(StudyPresets.Quick, null));
    }

    private static void AssertNumpyArchive(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        Assert.NotEmpty(zip.Entries);
        foreach (var entry in zip.Entries)
        {
            Assert.EndsWith(".npy", entry.Name);
            using var stream = entry.Open();
            var header = new byte[NpyMagic.Length];
            stream.ReadExactly(header);
            Assert.Equal(NpyMagic, header);
        }
    }
}
