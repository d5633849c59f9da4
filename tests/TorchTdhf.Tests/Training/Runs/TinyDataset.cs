using TorchTdhf.Tests.Cli;

namespace TorchTdhf.Tests.Training.Runs;

/// <summary>
/// A tiny HeH+/6-31G dataset (N = 4), written once per test class with <c>tdhf generate</c>: a kicked field-driven
/// training trajectory (dt 0.1, 300 steps, every 3rd stored) and a 3-member random ensemble (100 steps, every 5th stored).
/// </summary>
public sealed class TinyDataset : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>Generates the data.</summary>
    public TinyDataset()
    {
        Folder = Path.Combine(_folder.Path, "heh");
        Generate("--initial", "kick:strength=0.05,dir=z", "--field", "paper", "--steps", "300", "--stride", "3");
        Generate("--ensemble", "3", "--factor", "0.2", "--seed", "7", "--steps", "100", "--stride", "5");
    }

    /// <summary>The dataset folder.</summary>
    public string Folder { get; }

    /// <summary>A fresh folder for a run.</summary>
    public string NewRunFolder() => Path.Combine(_folder.Path, "runs", Guid.NewGuid().ToString("N"));

    /// <inheritdoc />
    public void Dispose() => _folder.Dispose();

    private void Generate(params string[] extra)
    {
        var args = new[] { "generate", "--molecule", "heh+", "--basis", "6-31g", "--dt", "0.1", "--out", Folder, "--json" }.Concat(extra).ToArray();
        var result = CliRunner.Run(args);
        if (result.ExitCode != 0) throw new InvalidOperationException($"generate failed: {result.Error}");
    }
}
