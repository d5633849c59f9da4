using System.Security.Cryptography;
using System.Text;

namespace TorchTdhf.Training.Runs;

/// <summary>
/// The identity of a run's training data: SHA-256 (lower-case hex) of the system fingerprint and the sorted
/// "role specHash" lines of the selected trajectories. The order of --data folders and of trajectories does not
/// matter; adding, removing or changing a trajectory, or selecting another role, does.
/// </summary>
public static class DataFingerprint
{
    /// <summary>Computes the fingerprint.</summary>
    /// <param name="systemFingerprint">The system all trajectories share.</param>
    /// <param name="trajectories">(role, spec hash) of every selected trajectory.</param>
    public static string Compute(string systemFingerprint, IEnumerable<(string Role, string SpecHash)> trajectories)
    {
        var lines = trajectories.Select(t => $"{t.Role} {t.SpecHash}").Order(StringComparer.Ordinal);
        var text = $"system {systemFingerprint}\n{string.Join("\n", lines)}\n";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
