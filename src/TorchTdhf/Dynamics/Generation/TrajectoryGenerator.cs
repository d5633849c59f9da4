using System.Diagnostics;
using System.Text.Json.Nodes;
using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Dynamics.Generation;

/// <summary>
/// Propagates batches of trajectories of one system under a two-electron potential and streams them into a
/// dataset folder; members already complete there (same spec) are skipped, so an interrupted run resumes.
/// The folder also receives the system itself (<see cref="DatasetSystemFile"/>).
/// </summary>
public sealed class TrajectoryGenerator
{
    private readonly MolecularSystem _system;
    private readonly ITwoElectronPotential _potential;

    /// <summary>Generates trajectories of <paramref name="system"/> driven by <paramref name="potential"/> (not owned).</summary>
    public TrajectoryGenerator(MolecularSystem system, ITwoElectronPotential potential)
    {
        if (potential.BasisSize != system.OrbitalCount)
            throw new ArgumentException($"the potential acts on {potential.BasisSize} orbitals, the system has {system.OrbitalCount}", nameof(potential));
        _system = system;
        _potential = potential;
    }

    /// <summary>The spec recorded for one member (and hashed to recognise finished work).</summary>
    public TrajectorySpec Spec(TrajectoryBatch batch, BatchMember member) => new()
    {
        SystemFingerprint = _system.Fingerprint,
        BasisSize = _system.OrbitalCount,
        ElectronCount = _system.ElectronCount,
        Dt = batch.Dt,
        Steps = batch.Steps,
        Stride = batch.Stride,
        Integrator = batch.Integrator,
        Field = JsonNode.Parse(member.Field.ToJson()),
        Polarisation = Polarisation(member.Field)?.ToArray(),
        InitialCondition = member.InitialCondition,
        Seed = batch.Seed,
    };

    /// <summary>Members of <paramref name="batch"/> that <paramref name="folder"/> does not hold complete yet.</summary>
    public IReadOnlyList<BatchMember> Pending(DatasetFolder folder, TrajectoryBatch batch) =>
        batch.Members.Where(m => !folder.IsComplete(m.Id, Spec(batch, m).Hash())).ToList();

    /// <summary>Propagates the pending members of <paramref name="batch"/> and writes them into <paramref name="folder"/>.</summary>
    /// <param name="folder">The dataset folder.</param>
    /// <param name="batch">What to generate.</param>
    /// <param name="progress">Receives progress about a thousand times per batch.</param>
    /// <param name="cancellation">Stops between steps; nothing of the batch is then recorded as complete.</param>
    /// <returns>Metadata of the trajectories written (empty when all were already complete).</returns>
    /// <exception cref="TdhfInputException">Bad time grid, unknown integrator, bad initial condition, a blow-up, or a folder
    /// that holds another system.</exception>
    public IReadOnlyList<TrajectoryMetadata> Run(DatasetFolder folder, TrajectoryBatch batch, IProgress<GenerationProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var propagator = Propagators.Create(batch.Integrator);
        var pending = Pending(folder, batch);
        var members = pending.Select(m => new TrajectoryMember(m.Id, m.Role, Spec(batch, m))).ToList();
        foreach (var member in members) member.Validate();
        if (batch.Steps > int.MaxValue) throw new TdhfInputException($"at most {int.MaxValue} steps per trajectory, got {batch.Steps}", key: "steps");
        // Also when nothing is pending, so that rerunning an older generation adds the file.
        DatasetSystemFile.Ensure(folder.Path, _system);
        if (pending.Count == 0) return Array.Empty<TrajectoryMetadata>();

        using var scope = torch.NewDisposeScope();
        // Members that differ only in id and role (the paper's field-free test repeats the training trajectory) are
        // propagated once and written for each of them.
        var (distinct, sourceOf) = DistinctPhysics(pending);
        var initial = torch.cat(distinct.Select(m => InitialDensities.Build(_system, m.InitialCondition)).ToArray(), 0);
        using var equation = new TdhfEquation(_system, _potential, distinct.Select(m => m.Field).ToArray());
        using var expand = distinct.Count == pending.Count ? null : torch.tensor(sourceOf);
        var fields = pending.Select(m => m.Field).ToArray();
        using var writer = folder.BeginTrajectories(members);
        var clock = Stopwatch.StartNew();
        var reportEvery = Math.Max(1, batch.Steps / 1000);
        var amplitudes = new double[fields.Length];
        Propagation.RunToEnd(propagator, equation, initial, batch.Dt, (int)batch.Steps, (step, time, density) =>
        {
            for (var i = 0; i < fields.Length; i++) amplitudes[i] = Amplitude(fields[i], time);
            if (expand is null) writer.Append(density, amplitudes);
            else
            {
                using var all = density.index_select(0, expand);
                writer.Append(all, amplitudes);
            }
            if (step % reportEvery == 0 || step == batch.Steps)
                progress?.Report(new GenerationProgress(batch.Name, fields.Length, step, batch.Steps, clock.Elapsed));
        }, cancellation);
        return writer.Complete();
    }

    /// <summary>The members with distinct initial condition and field, and for each pending member the index of its twin.</summary>
    private static (IReadOnlyList<BatchMember> Distinct, long[] SourceOf) DistinctPhysics(IReadOnlyList<BatchMember> members)
    {
        var distinct = new List<BatchMember>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var sourceOf = new long[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            var key = members[i].Field.ToJson() + "|" + System.Text.Json.JsonSerializer.Serialize(members[i].InitialCondition, DatasetJson.Compact);
            if (!index.TryGetValue(key, out var position))
            {
                position = distinct.Count;
                index[key] = position;
                distinct.Add(members[i]);
            }
            sourceOf[i] = position;
        }
        return (distinct, sourceOf);
    }

    /// <summary>The field's component along its own polarisation at time t (the value stored with each sample).</summary>
    private static double Amplitude(Field field, double time)
    {
        if (Polarisation(field) is not CartesianVector direction) return 0;
        var e = field.At(time);
        return e.X * direction.X + e.Y * direction.Y + e.Z * direction.Z;
    }

    private static CartesianVector? Polarisation(Field field) => field switch
    {
        SinusoidalField sinusoid => sinusoid.Direction,
        DeltaKick kick => kick.Direction,
        _ => null,
    };
}
