using TorchTdhf.Datasets;
using TorchTdhf.Training.Runs;

namespace TorchTdhf.Study;

/// <summary>Identities of dataset selections, read from manifests alone (no arrays are loaded).</summary>
public static class DatasetFingerprints
{
    /// <summary>
    /// The <see cref="DataFingerprint"/> of the completed trajectories with <paramref name="roles"/> in the folders
    /// (all roles when null), and the system fingerprint they share.
    /// </summary>
    /// <exception cref="TdhfInputException">A folder is not a dataset, holds no such trajectory, or the folders mix systems.</exception>
    public static (string Data, string System) Of(IReadOnlyList<string> folders, IReadOnlyList<string>? roles)
    {
        var entries = folders.SelectMany(f => DatasetFolder.Open(f).Manifest.Trajectories.Select(e => (Folder: f, Entry: e)))
            .Where(e => e.Entry.Completed && (roles is null || roles.Contains(e.Entry.Role))).ToList();
        if (entries.Count == 0)
            throw new TdhfInputException($"no completed trajectories{(roles is null ? "" : " with role " + string.Join(" or ", roles))}", string.Join(", ", folders));
        var systems = entries.Select(e => e.Entry.SystemFingerprint).Distinct().ToList();
        if (systems.Count > 1)
            throw new TdhfInputException($"the datasets hold different systems: {string.Join(" and ", systems)}", string.Join(", ", folders), key: "systemFingerprint");
        return (DataFingerprint.Compute(systems[0], entries.Select(e => (e.Entry.Role, e.Entry.SpecHash))), systems[0]);
    }
}
