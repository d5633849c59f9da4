using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;
using static TorchSharp.torch;

namespace TorchTdhf.Training.Autograd;

/// <summary>
/// Every stretch of K + 1 consecutive samples of a dataset's trajectories: a start density and the K densities that
/// follow it, one sample spacing (stride·dt) apart, with the trajectory's field. Windows are numbered trajectory by
/// trajectory, start sample by start sample. Owns copies of the densities: the dataset may be disposed afterwards.
/// </summary>
public sealed class RolloutWindows : IDisposable
{
    private readonly Tensor _densities;
    private readonly long[] _startSample;
    private readonly Field[] _windowField;
    private readonly double[] _startTime;

    private RolloutWindows(Tensor densities, long[] startSample, Field[] windowField, double[] startTime, int horizon, double spacing)
    {
        _densities = densities;
        _startSample = startSample;
        _windowField = windowField;
        _startTime = startTime;
        Horizon = horizon;
        SampleSpacing = spacing;
    }

    /// <summary>K, samples matched after each start.</summary>
    public int Horizon { get; }

    /// <summary>Time between consecutive samples, stride·dt (a.u.), the same for every trajectory.</summary>
    public double SampleSpacing { get; }

    /// <summary>Number of windows.</summary>
    public long Count => _startSample.LongLength;

    /// <summary>N.</summary>
    public int BasisSize => (int)_densities.shape[1];

    /// <summary>The windows of every trajectory of <paramref name="dataset"/> with at least K + 1 samples.</summary>
    /// <param name="dataset">Trajectories of <paramref name="system"/>, sharing one sample spacing.</param>
    /// <param name="system">The system the data belong to (checked by fingerprint and size).</param>
    /// <param name="horizon">K ≥ 1.</param>
    /// <exception cref="TdhfInputException">Another system, mixed sample spacings, a bad field, or no trajectory long enough.</exception>
    public static RolloutWindows FromDataset(Dataset dataset, MolecularSystem system, int horizon)
    {
        new RolloutOptions { Horizon = horizon }.Validate();
        var first = dataset.Trajectories[0];
        if (dataset.SystemFingerprint != system.Fingerprint)
            throw new TdhfInputException($"the data belong to system {dataset.SystemFingerprint}, not {system.Fingerprint} ({system.Name})", first.Folder, key: "systemFingerprint");
        if (dataset.BasisSize != system.OrbitalCount)
            throw new TdhfInputException($"the data have N = {dataset.BasisSize}, the system N = {system.OrbitalCount}", first.Folder, key: "basisSize");
        var spacing = Spacing(first);
        var starts = new List<long>();
        var fields = new List<Field>();
        var times = new List<double>();
        var offset = 0L;
        foreach (var trajectory in dataset.Trajectories)
        {
            if (Math.Abs(Spacing(trajectory) - spacing) > 1e-12 * spacing)
                throw new TdhfInputException($"sample spacing stride·dt = {Spacing(trajectory)} differs from {spacing} of {first.Folder}; rollout windows need one spacing",
                    trajectory.Folder, key: "stride");
            var field = FieldOf(trajectory);
            var sampleTimes = trajectory.Times.data<double>().ToArray();
            for (var s = 0L; s + horizon < trajectory.SampleCount; s++)
            {
                starts.Add(offset + s);
                fields.Add(field);
                times.Add(sampleTimes[s]);
            }
            offset += trajectory.SampleCount;
        }
        if (starts.Count == 0)
            throw new TdhfInputException($"no trajectory has the {horizon + 1} samples a window of horizon {horizon} needs", first.Folder, key: "horizon");
        var densities = torch.cat(dataset.Trajectories.Select(t => t.Densities).ToArray(), 0);
        return new RolloutWindows(densities, starts.ToArray(), fields.ToArray(), times.ToArray(), horizon, spacing);
    }

    /// <summary>The windows <paramref name="windows"/> as one batch.</summary>
    /// <param name="windows">Window indices: [B] int64.</param>
    public RolloutBatch Gather(Tensor windows)
    {
        var chosen = windows.data<long>().ToArray();
        using var scope = torch.NewDisposeScope();
        var starts = torch.tensor(chosen.Select(w => _startSample[w]).ToArray(), ScalarType.Int64);
        var ahead = torch.arange(1, Horizon + 1, dtype: ScalarType.Int64);
        var following = (starts.unsqueeze(1) + ahead.unsqueeze(0)).flatten();
        var n = BasisSize;
        var start = _densities.index_select(0, starts);
        var observed = _densities.index_select(0, following).reshape(chosen.Length, Horizon, n, n);
        var fields = chosen.Select(w => (Field)new ShiftedField(_windowField[w], _startTime[w])).ToArray();
        return new RolloutBatch(start.MoveToOuterDisposeScope(), observed.MoveToOuterDisposeScope(), fields);
    }

    /// <inheritdoc />
    public void Dispose() => _densities.Dispose();

    private static double Spacing(Trajectory trajectory) => trajectory.Metadata.Spec.Dt * trajectory.Metadata.Spec.Stride;

    private static Field FieldOf(Trajectory trajectory) =>
        trajectory.Metadata.Spec.Field is { } json
            ? Field.FromJson(json.ToJsonString(), Path.Combine(trajectory.Folder, TrajectoryFiles.Metadata))
            : new NoField();
}

/// <summary>Windows gathered for one rollout: owns its tensors.</summary>
/// <param name="Start">P at each window's start: [B, N, N] complex128, orthonormal basis.</param>
/// <param name="Observed">The K data densities after each start: [B, K, N, N] complex128, orthonormal basis.</param>
/// <param name="Fields">Each window's field on a clock that starts at the window (t = 0 at <paramref name="Start"/>).</param>
public sealed record RolloutBatch(Tensor Start, Tensor Observed, IReadOnlyList<Field> Fields) : IDisposable
{
    /// <inheritdoc />
    public void Dispose()
    {
        Start.Dispose();
        Observed.Dispose();
    }
}
