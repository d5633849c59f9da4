using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Evaluation;

namespace TorchTdhf.Study;

/// <summary>
/// Held-out trajectories of one system loaded for evaluation: one <see cref="EvaluationSet"/> per test role
/// (roles starting with <c>test</c>, e.g. <c>test-field-free</c> and <c>test-field-on</c>; every role when the
/// folders hold no test role), and the system rebuilt from the folders' <c>system.npz</c>. Owns both.
/// </summary>
public sealed class TestData : IDisposable
{
    private TestData(MolecularSystem system, IReadOnlyList<EvaluationSet> sets, string fingerprint)
    {
        System = system;
        Sets = sets;
        Fingerprint = fingerprint;
    }

    /// <summary>The system of the test data.</summary>
    public MolecularSystem System { get; }

    /// <summary>The test sets, by role.</summary>
    public IReadOnlyList<EvaluationSet> Sets { get; }

    /// <summary>The <see cref="Training.Runs.DataFingerprint"/> of the test trajectories.</summary>
    public string Fingerprint { get; }

    /// <summary>Loads the test trajectories of <paramref name="folders"/>.</summary>
    /// <exception cref="TdhfInputException">A folder is missing or not a dataset, lacks <c>system.npz</c>, or the folders mix systems.</exception>
    public static TestData Load(IReadOnlyList<string> folders)
    {
        if (folders.Count == 0) throw new TdhfInputException("no test dataset given", key: "--test");
        foreach (var folder in folders)
            if (!Directory.Exists(folder)) throw new TdhfInputException("the test dataset folder does not exist", folder, key: "--test");
        var roles = folders.SelectMany(f => DatasetFolder.Open(f).Manifest.Trajectories).Where(e => e.Completed).Select(e => e.Role)
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var testRoles = roles.Where(r => r.StartsWith("test", StringComparison.Ordinal)).ToList();
        var chosen = testRoles.Count > 0 ? testRoles : roles;
        var (fingerprint, systemFingerprint) = DatasetFingerprints.Of(folders, chosen);
        var system = DatasetSystemFile.Read(folders[0]);
        var sets = new List<EvaluationSet>();
        try
        {
            if (system.Fingerprint != systemFingerprint)
                throw new TdhfInputException($"system.npz holds system {system.Fingerprint} but the trajectories were computed for {systemFingerprint}",
                    DatasetSystemFile.PathIn(folders[0]), key: "systemFingerprint");
            foreach (var role in chosen) sets.Add(new EvaluationSet(role, Dataset.Load(folders, role)));
            return new TestData(system, sets, fingerprint);
        }
        catch
        {
            foreach (var set in sets) set.Dataset.Dispose();
            system.Dispose();
            throw;
        }
    }

    /// <summary>The set called <paramref name="role"/>, or null.</summary>
    public EvaluationSet? Set(string role) => Sets.FirstOrDefault(s => s.Name == role);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var set in Sets) set.Dataset.Dispose();
        System.Dispose();
    }
}
