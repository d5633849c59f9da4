using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;
using static TorchSharp.torch;

namespace TorchTdhf.Evaluation;

/// <summary>
/// Collects the per-sample comparison of a model's propagation with a stored trajectory: density error, dipoles and
/// invariant deviations, fetched together in one transfer per sample. Samples never recorded count as blown up.
/// </summary>
internal sealed class SampleTracker : IDisposable
{
    private readonly Tensor _truth;
    private readonly Tensor _position;
    private readonly Tensor _direction;
    private readonly int _electronCount;
    private readonly double[] _densityError;
    private readonly double[] _dipoleTrue;
    private readonly double[] _dipoleModel;
    private InvariantDrift _drift = InvariantDrift.None;
    private double _modelDipoleAtStart = double.NaN;

    /// <param name="system">Supplies r (orthonormal basis) and N_e.</param>
    /// <param name="trajectory">Ground truth; its densities are read, not copied.</param>
    /// <param name="direction">Unit vector n the dipoles are projected on.</param>
    public SampleTracker(MolecularSystem system, Trajectory trajectory, CartesianVector direction)
    {
        _truth = trajectory.Densities;
        _position = system.Position;
        _electronCount = system.ElectronCount;
        _direction = torch.tensor(direction.ToArray(), ScalarType.Float64);
        var count = (int)trajectory.SampleCount;
        _densityError = Enumerable.Repeat(double.PositiveInfinity, count).ToArray();
        _dipoleModel = Enumerable.Repeat(double.NaN, count).ToArray();
        using var dipoles = Dipole.Electronic(_truth, _position).matmul(_direction);
        var values = dipoles.data<double>().ToArray();
        _dipoleTrue = values.Select(d => d - values[0]).ToArray();
    }

    /// <summary>Compares the model's density with stored sample <paramref name="sample"/>.</summary>
    /// <param name="sample">Index of the stored sample.</param>
    /// <param name="density">P_model: [1, N, N] complex128, orthonormal basis.</param>
    /// <returns>False, recording nothing, when the density is not finite (the model blew up).</returns>
    public bool Record(int sample, Tensor density)
    {
        using var scope = torch.NewDisposeScope();
        var error = (_truth[sample] - density[0]).abs().max();
        var dipole = Dipole.Electronic(density, _position).matmul(_direction)[0];
        var deviations = InvariantDrift.Deviations(density, _electronCount)[0];
        var values = torch.cat(new[] { error.reshape(1), dipole.reshape(1), deviations }).data<double>().ToArray();
        // NaN and ±∞ in P reach the maximum error (torch's max propagates NaN), so one number tells a blow-up.
        if (!double.IsFinite(values[0])) return false;
        if (sample == 0) _modelDipoleAtStart = values[1];
        _densityError[sample] = values[0];
        _dipoleModel[sample] = values[1] - _modelDipoleAtStart;
        _drift = _drift.Max(new InvariantDrift(values[2], values[3], values[4]));
        return true;
    }

    /// <summary>The metrics of everything recorded.</summary>
    public PropagationMetrics Result(Trajectory trajectory, TrajectoryReplay replay, string? blowUpReason, double? blowUpTime)
    {
        var dipoleError = _dipoleTrue.Zip(_dipoleModel, (t, m) => double.IsNaN(m) ? double.PositiveInfinity : Math.Abs(t - m)).Max();
        return new PropagationMetrics
        {
            TrajectoryId = trajectory.Metadata.Id,
            Role = trajectory.Metadata.Role,
            Integrator = trajectory.Metadata.Spec.Integrator,
            Dt = replay.Dt,
            Stride = replay.Stride,
            Steps = replay.Steps,
            BlewUp = blowUpReason is not null,
            BlowUpTime = blowUpTime,
            BlowUpReason = blowUpReason,
            DensityErrorMaxAbs = _densityError.Max(),
            DipoleErrorMaxAbs = dipoleError,
            Drift = _drift,
            Times = trajectory.Times.data<double>().ToArray(),
            DensityError = _densityError.ToArray(),
            DipoleTrue = _dipoleTrue.ToArray(),
            DipoleModel = _dipoleModel.ToArray(),
        };
    }

    /// <inheritdoc />
    public void Dispose() => _direction.Dispose();
}
