using TorchTdhf.Study;

namespace TorchTdhf.Tests.Study;

/// <summary>A HeH+/6-31G dataset of the micro preset (40-step trajectories), generated once per test class.</summary>
public sealed class MicroDataset : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>Generates the dataset.</summary>
    public MicroDataset()
    {
        Folder = Path.Combine(_folder.Path, "heh+_6-31g");
        GenerationStage.Run(StudyPresets.Micro, "heh+_6-31g", Folder, null, CancellationToken.None);
    }

    /// <summary>The dataset folder (train, ensemble, test-field-free, test-field-on and system.npz).</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public void Dispose() => _folder.Dispose();
}
