using System.Numerics;
using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;
using static TorchSharp.torch;

namespace TorchTdhf.Evaluation;

/// <summary>
/// Collects the per-sample comparison of a model's propagation with a stored trajectory: density error, dipoles and
/// invariant deviations, on plain arrays. Samples never recorded count as blown up.
/// </summary>
internal sealed class SampleTracker
{
    private readonly Tensor _truth;
    private readonly int _n;
    private readonly double[] _projectedPosition;
    private readonly int _electronCount;
    private readonly double[] _densityError;
    private readonly double[] _dipoleTrue;
    private readonly double[] _dipoleModel;
    private readonly Complex[] _truthSample;
    private readonly Complex[] _square;
    private InvariantDrift _drift = InvariantDrift.None;
    private double _modelDipoleAtStart = double.NaN;

    /// <param name="system">Supplies r (orthonormal basis) and N_e.</param>
    /// <param name="trajectory">Ground truth; its densities are read, not copied.</param>
    /// <param name="direction">Unit vector n the dipoles are projected on.</param>
    public SampleTracker(MolecularSystem system, Trajectory trajectory, CartesianVector direction)
    {
        _truth = trajectory.Densities;
        _n = system.OrbitalCount;
        _electronCount = system.ElectronCount;
        var count = (int)trajectory.SampleCount;
        _densityError = Enumerable.Repeat(double.PositiveInfinity, count).ToArray();
        _dipoleModel = Enumerable.Repeat(double.NaN, count).ToArray();
        _truthSample = new Complex[_n * _n];
        _square = new Complex[_n * _n];
        using var scope = torch.NewDisposeScope();
        var n = torch.tensor(direction.ToArray(), ScalarType.Float64);
        _projectedPosition = n.matmul(system.Position.reshape(3, -1)).contiguous().data<double>().ToArray();
        var values = Dipole.Electronic(_truth, system.Position).matmul(n).data<double>().ToArray();
        _dipoleTrue = values.Select(d => d - values[0]).ToArray();
    }

    /// <summary>Compares the model's density with stored sample <paramref name="sample"/>.</summary>
    /// <param name="sample">Index of the stored sample.</param>
    /// <param name="density">P_model: N·N complex values, row-major [N, N], orthonormal basis.</param>
    /// <returns>False, recording nothing, when the density is not finite (the model blew up).</returns>
    public bool Record(int sample, ReadOnlySpan<Complex> density)
    {
        foreach (var value in density)
            if (!double.IsFinite(value.Real) || !double.IsFinite(value.Imaginary)) return false;
        using (var truth = _truth[sample].reshape(-1).contiguous()) truth.data<Complex>().CopyTo(_truthSample);
        var (error, dipole) = (0.0, 0.0);
        for (var e = 0; e < density.Length; e++)
        {
            error = Math.Max(error, Complex.Abs(_truthSample[e] - density[e]));
            dipole -= density[e].Real * _projectedPosition[e];
        }
        if (sample == 0) _modelDipoleAtStart = dipole;
        _densityError[sample] = error;
        _dipoleModel[sample] = dipole - _modelDipoleAtStart;
        _drift = _drift.Max(Deviations(density));
        return true;
    }

    /// <summary>The metrics of everything recorded.</summary>
    public PropagationMetrics Result(Trajectory trajectory, TrajectoryReplay replay, string? blowUpReason, double? blowUpTime) => new()
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
        DipoleErrorMaxAbs = _dipoleTrue.Zip(_dipoleModel, (t, m) => double.IsNaN(m) ? double.PositiveInfinity : Math.Abs(t - m)).Max(),
        Drift = _drift,
        Times = trajectory.Times.data<double>().ToArray(),
        DensityError = _densityError.ToArray(),
        DipoleTrue = _dipoleTrue.ToArray(),
        DipoleModel = _dipoleModel.ToArray(),
    };

    // |Tr P − N_e|, max |P − P†| and ‖P² − 2P‖_F, as InvariantDrift.Deviations measures them.
    private InvariantDrift Deviations(ReadOnlySpan<Complex> p)
    {
        var n = _n;
        var (trace, hermiticity) = (Complex.Zero, 0.0);
        for (var i = 0; i < n; i++)
        {
            trace += p[i * n + i];
            for (var j = 0; j < n; j++) hermiticity = Math.Max(hermiticity, Complex.Abs(p[i * n + j] - Complex.Conjugate(p[j * n + i])));
        }
        Array.Clear(_square);
        for (var i = 0; i < n; i++)
        for (var k = 0; k < n; k++)
        {
            var left = p[i * n + k];
            for (var j = 0; j < n; j++) _square[i * n + j] += left * p[k * n + j];
        }
        var idempotency = 0.0;
        for (var e = 0; e < p.Length; e++)
        {
            var d = _square[e] - 2 * p[e];
            idempotency += d.Real * d.Real + d.Imaginary * d.Imaginary;
        }
        return new InvariantDrift(Complex.Abs(trace - _electronCount), hermiticity, Math.Sqrt(idempotency));
    }
}
