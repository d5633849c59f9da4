using TorchTdhf.Chemistry;

namespace TorchTdhf.Datasets;

/// <summary>
/// The system a dataset's trajectories came from, stored next to the manifest as <c>system.npz</c> (the keys of
/// <see cref="AoIntegralsFile.Write"/>), so that training can rebuild H_core and the position operator from the data
/// folder alone. Its identity is <see cref="IntegralFingerprint"/> of the stored AO integrals, which round-trips
/// bit for bit (float64 on disk) and equals the <c>systemFingerprint</c> of every trajectory in the folder.
/// </summary>
public static class DatasetSystemFile
{
    /// <summary>Name of the system file in a dataset folder.</summary>
    public const string FileName = "system.npz";

    /// <summary>The system file of <paramref name="datasetFolder"/>.</summary>
    public static string PathIn(string datasetFolder) => Path.Combine(datasetFolder, FileName);

    /// <summary>Writes <c>system.npz</c> (atomically) unless the folder already holds the same system's.</summary>
    /// <param name="datasetFolder">The dataset folder.</param>
    /// <param name="system">The system its trajectories are (to be) propagated in.</param>
    /// <exception cref="TdhfInputException">The folder holds another system's file: one dataset holds one system.</exception>
    public static void Ensure(string datasetFolder, MolecularSystem system)
    {
        var path = PathIn(datasetFolder);
        if (File.Exists(path))
        {
            var stored = Fingerprint(path);
            if (stored == system.Fingerprint) return;
            throw new TdhfInputException(
                $"the dataset folder holds system {stored}, not {system.Fingerprint} ({system.Name}); one dataset folder holds one system", path);
        }
        AoIntegralsFile.Write(system, path);
    }

    /// <summary>The fingerprint of the AO integrals stored in a system file (no SCF is run).</summary>
    /// <param name="path">A <c>system.npz</c>.</param>
    /// <exception cref="TdhfInputException">The file is missing or malformed.</exception>
    public static string Fingerprint(string path) => IntegralFingerprint.Compute(AoIntegralsFile.Read(path).Integrals);

    /// <summary>Rebuilds the system of a dataset folder (RHF in the stored orthonormal basis).</summary>
    /// <param name="datasetFolder">The dataset folder.</param>
    /// <returns>The system; the caller disposes it.</returns>
    /// <exception cref="TdhfInputException">The folder has no <c>system.npz</c> (the message names it), or it is malformed.</exception>
    public static MolecularSystem Read(string datasetFolder)
    {
        var path = PathIn(datasetFolder);
        if (!File.Exists(path))
            throw new TdhfInputException("the dataset has no system file; regenerate it with 'tdhf generate' (finished trajectories are kept) to add one", path);
        return AoIntegralsFile.ReadSystem(path, name: Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(datasetFolder))));
    }
}
