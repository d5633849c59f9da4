using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;

namespace TorchTdhf.Training.Runs;

/// <summary>
/// The data a run trains on: the system and the derivative-matching samples of the trajectories with the selected
/// roles in the dataset folders, the trajectory folders themselves (for rollout windows) and the
/// <see cref="DataFingerprint"/>. Owns the system and the samples.
/// </summary>
public sealed class TrainingInputs : IDisposable
{
    /// <summary>Roles used when none is asked for: the field-free training trajectory and the random ensemble.</summary>
    public static IReadOnlyList<string> DefaultRoles { get; } = new[] { "train", "ensemble" };

    private TrainingInputs(MolecularSystem system, TrainingSet samples, IReadOnlyList<string> roles, IReadOnlyList<string> trajectoryFolders, string fingerprint)
    {
        System = system;
        Samples = samples;
        Roles = roles;
        TrajectoryFolders = trajectoryFolders;
        Fingerprint = fingerprint;
    }

    /// <summary>The system of every folder (H_core, position operator, ERIs; orthonormal basis).</summary>
    public MolecularSystem System { get; }

    /// <summary>The samples of every selected trajectory, role by role.</summary>
    public TrainingSet Samples { get; }

    /// <summary>The roles the samples come from.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The selected trajectory folders.</summary>
    public IReadOnlyList<string> TrajectoryFolders { get; }

    /// <summary>The <see cref="DataFingerprint"/> of the selection.</summary>
    public string Fingerprint { get; }

    /// <summary>Loads the trajectories with <paramref name="roles"/> (or the present ones of <see cref="DefaultRoles"/>).</summary>
    /// <param name="folders">Dataset folders of one system, each with <c>manifest.json</c> and <c>system.npz</c>.</param>
    /// <param name="roles">Roles to train on; null or empty: <see cref="DefaultRoles"/> that the data hold.</param>
    /// <exception cref="TdhfInputException">No folder, an asked-for role without trajectories, folders of different systems, NaN data, ….</exception>
    public static TrainingInputs Load(IReadOnlyList<string> folders, IReadOnlyList<string>? roles)
    {
        if (folders.Count == 0) throw new TdhfInputException("no dataset folder given (--data DIR)", key: "data");
        var entries = folders.SelectMany(folder =>
        {
            var dataset = DatasetFolder.Open(folder);
            return dataset.Manifest.Trajectories.Where(e => e.Completed).Select(e => (Entry: e, Folder: Path.Combine(dataset.Path, e.Path)));
        }).ToList();
        var selected = SelectRoles(roles, entries.Select(e => e.Entry.Role).ToHashSet(StringComparer.Ordinal), folders);

        var parts = selected.Select(role => TrainingData.Load(folders, role)).ToList();
        try
        {
            var samples = Combine(parts);
            var system = parts[0].System;
            var chosen = entries.Where(e => selected.Contains(e.Entry.Role)).ToList();
            var fingerprint = DataFingerprint.Compute(system.Fingerprint, chosen.Select(e => (e.Entry.Role, e.Entry.SpecHash)));
            foreach (var part in parts.Skip(1)) part.Dispose();
            if (parts.Count > 1) parts[0].Samples.Dispose();
            return new TrainingInputs(system, samples, selected, chosen.Select(e => e.Folder).ToList(), fingerprint);
        }
        catch
        {
            foreach (var part in parts) part.Dispose();
            throw;
        }
    }

    /// <summary>The selected trajectories, loaded again (for rollout windows); the caller disposes it.</summary>
    public Dataset LoadTrajectories() => Dataset.FromTrajectoryFolders(TrajectoryFolders);

    /// <inheritdoc />
    public void Dispose()
    {
        Samples.Dispose();
        System.Dispose();
    }

    private static List<string> SelectRoles(IReadOnlyList<string>? asked, HashSet<string> present, IReadOnlyList<string> folders)
    {
        var presentList = string.Join(", ", present.Order(StringComparer.Ordinal));
        if (asked is { Count: > 0 })
        {
            foreach (var role in asked)
                if (!present.Contains(role))
                    throw new TdhfInputException($"no completed trajectories with role '{role}' (roles present: {presentList})", string.Join(", ", folders), key: "role");
            return asked.Distinct(StringComparer.Ordinal).ToList();
        }
        var defaults = DefaultRoles.Where(present.Contains).ToList();
        if (defaults.Count == 0)
            throw new TdhfInputException($"no completed trajectories with role {string.Join(" or ", DefaultRoles)} (roles present: {presentList}); choose one with --role",
                string.Join(", ", folders), key: "role");
        return defaults;
    }

    private static TrainingSet Combine(IReadOnlyList<TrainingData> parts)
    {
        if (parts.Count == 1) return parts[0].Samples;
        using var scope = torch.NewDisposeScope();
        var densities = torch.cat(parts.Select(p => p.Samples.Densities).ToArray(), 0);
        var targets = torch.cat(parts.Select(p => p.Samples.Targets).ToArray(), 0);
        return TrainingSet.FromSamples(densities, targets, parts[0].Samples.SystemFingerprint);
    }
}
