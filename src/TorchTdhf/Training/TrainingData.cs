using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;

namespace TorchTdhf.Training;

/// <summary>
/// Derivative-matching samples together with the system they came from, loaded from dataset folders: each folder's
/// <c>system.npz</c> (<see cref="DatasetSystemFile"/>) supplies H_core and the position operator, its trajectories
/// the samples. Owns both: dispose it to free them.
/// </summary>
/// <param name="System">The system of every folder (rebuilt from the first folder's <c>system.npz</c>).</param>
/// <param name="Samples">The samples of every selected trajectory, folder by folder.</param>
public sealed record TrainingData(MolecularSystem System, TrainingSet Samples) : IDisposable
{
    /// <summary>Loads the system and the samples of the trajectories with <paramref name="role"/> in the folders.</summary>
    /// <param name="datasetFolders">Dataset folders (each with <c>manifest.json</c> and <c>system.npz</c>) of one system.</param>
    /// <param name="role">Only trajectories with this role (e.g. <c>train</c>), or all when null.</param>
    /// <exception cref="TdhfInputException">No folder; a folder without <c>system.npz</c> (named); folders of different
    /// systems (both folders and fingerprints named); trajectories whose fingerprint or N differs from their folder's
    /// system; no matching trajectory; NaN or Inf in the data.</exception>
    public static TrainingData Load(IEnumerable<string> datasetFolders, string? role = null)
    {
        var folders = datasetFolders.Select(Path.GetFullPath).ToList();
        if (folders.Count == 0) throw new TdhfInputException("no dataset folder given", key: "datasets");
        var fingerprints = folders.Select(SystemFingerprint).ToList();
        for (var k = 1; k < folders.Count; k++)
            if (fingerprints[k] != fingerprints[0])
                throw new TdhfInputException($"the dataset folders hold different systems: {folders[0]} has {fingerprints[0]}, {folders[k]} has {fingerprints[k]}",
                    DatasetSystemFile.PathIn(folders[k]), key: "systemFingerprint");
        foreach (var (folder, fingerprint) in folders.Zip(fingerprints)) CheckManifest(folder, fingerprint);

        var system = DatasetSystemFile.Read(folders[0]);
        try
        {
            if (system.Fingerprint != fingerprints[0])
                throw new InvalidOperationException($"the system rebuilt from {DatasetSystemFile.PathIn(folders[0])} has fingerprint {system.Fingerprint}, the file {fingerprints[0]}");
            using var dataset = Dataset.Load(folders, role);
            return new TrainingData(system, TrainingSet.FromDataset(dataset, system));
        }
        catch
        {
            system.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Samples.Dispose();
        System.Dispose();
    }

    private static string SystemFingerprint(string folder)
    {
        var path = DatasetSystemFile.PathIn(folder);
        if (!File.Exists(path))
            throw new TdhfInputException("the dataset has no system file; rerun 'tdhf generate' into this folder (finished trajectories are kept) to add it", path);
        return DatasetSystemFile.Fingerprint(path);
    }

    // Every trajectory of the folder must come from the folder's system, whatever its role.
    private static void CheckManifest(string folder, string fingerprint)
    {
        var manifest = DatasetFolder.Open(folder);
        var system = DatasetSystemFile.PathIn(folder);
        foreach (var entry in manifest.Manifest.Trajectories)
        {
            if (entry.SystemFingerprint != fingerprint)
                throw new TdhfInputException($"trajectory '{entry.Id}' has system fingerprint {entry.SystemFingerprint}, but {system} holds {fingerprint}",
                    Path.Combine(folder, DatasetFolder.ManifestFileName), key: "systemFingerprint");
        }
    }
}
