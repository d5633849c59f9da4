using TorchTdhf.Models;

namespace TorchTdhf.Training.Checkpoints;

/// <summary>Whether a saved run may continue with the model and data given now, and if not, why.</summary>
internal static class ResumeCheck
{
    /// <summary>Shortest prefix shown of a fingerprint.</summary>
    private const int ShortFingerprint = 8;

    /// <exception cref="TdhfInputException">Lists every difference, located at <paramref name="statePath"/>.</exception>
    public static void Verify(TrainingProgress saved, string statePath, ModelKind kind, int basisSize, long parameterCount, string dataFingerprint)
    {
        var differences = Differences(saved, kind, basisSize, parameterCount, dataFingerprint).ToList();
        if (differences.Count > 0)
            throw new TdhfInputException($"cannot resume: {string.Join("; ", differences)}", statePath);
    }

    /// <summary>One sentence per item that differs between the checkpoint and the current inputs.</summary>
    public static IEnumerable<string> Differences(TrainingProgress saved, ModelKind kind, int basisSize, long parameterCount, string dataFingerprint)
    {
        if (saved.ModelKind != kind)
            yield return $"checkpoint holds a {saved.ModelKind.Name()} model but --model gives {kind.Name()}";
        if (saved.BasisSize != basisSize)
            yield return $"checkpoint was trained with basis size N = {saved.BasisSize} but --data gives N = {basisSize}";
        if (saved.ParameterCount != parameterCount)
            yield return $"checkpoint's model has {saved.ParameterCount} parameters but the model built now has {parameterCount}";
        if (!string.Equals(saved.DataFingerprint, dataFingerprint, StringComparison.Ordinal))
        {
            var (before, now) = Distinguish(saved.DataFingerprint, dataFingerprint);
            yield return $"checkpoint was trained on data {before} but --data gives {now}";
        }
    }

    /// <summary>The two fingerprints cut to the shortest common length (at least eight characters) that tells them apart.</summary>
    public static (string First, string Second) Distinguish(string first, string second)
    {
        var common = 0;
        while (common < Math.Min(first.Length, second.Length) && first[common] == second[common]) common++;
        var length = Math.Max(ShortFingerprint, common + 1);
        return (Cut(first, length), Cut(second, length));
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] + "…" : text;
}
