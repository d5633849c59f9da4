using System.Numerics;
using System.Text.Json;
using TorchTdhf.IO;

namespace TorchTdhf.Study;

/// <summary>
/// What the evaluation stage leaves in a run folder: <c>evaluation.json</c> (the key and the
/// <see cref="EvaluationReport"/>) and <c>dynamics.npz</c> (the model's field-on densities and its kick response).
/// </summary>
/// <param name="Report">The metrics.</param>
/// <param name="FieldOnDensities">The model's densities along the field-on test: [T·N·N] complex128 (row-major [T, N, N]), orthonormal basis.</param>
/// <param name="Kick">The model's δ-kick response.</param>
public sealed record ModelEvaluationFiles(EvaluationReport Report, Complex[] FieldOnDensities, KickResponse Kick)
{
    /// <summary>Name of the metrics file.</summary>
    public const string ReportFileName = "evaluation.json";

    /// <summary>Name of the arrays file.</summary>
    public const string DynamicsFileName = "dynamics.npz";

    private sealed record Stored(string Key, EvaluationReport Report);

    /// <summary>Reads the files of <paramref name="folder"/> when they were written under <paramref name="key"/>; null otherwise.</summary>
    public static ModelEvaluationFiles? TryRead(string folder, string key)
    {
        var reportPath = Path.Combine(folder, ReportFileName);
        var dynamicsPath = Path.Combine(folder, DynamicsFileName);
        if (!File.Exists(reportPath) || !File.Exists(dynamicsPath)) return null;
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(reportPath), StudyJson.Options);
            if (stored is null || stored.Key != key) return null;
            using var npz = NpzReader.Open(dynamicsPath);
            var kick = KickArrays.Read(npz);
            return new ModelEvaluationFiles(stored.Report, npz.Get("field_on_density").ToComplexArray(), kick);
        }
        catch (Exception e) when (e is JsonException or TdhfInputException or IOException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Writes both files (the arrays first, so that a report file always has its arrays).</summary>
    /// <param name="folder">The run folder.</param>
    /// <param name="key">The evaluation key.</param>
    /// <param name="basisSize">N.</param>
    public void Write(string folder, string key, int basisSize)
    {
        var samples = FieldOnDensities.Length / (basisSize * basisSize);
        var arrays = KickArrays.Of(Kick).Append(new("field_on_density", NpyArray.Of(FieldOnDensities, samples, basisSize, basisSize)));
        Npz.Write(Path.Combine(folder, DynamicsFileName), arrays);
        AtomicFile.WriteAllText(Path.Combine(folder, ReportFileName), JsonSerializer.Serialize(new Stored(key, Report), StudyJson.Options) + "\n");
    }
}
