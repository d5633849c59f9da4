using System.Numerics;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;
using TorchTdhf.Models;

namespace TorchTdhf.Evaluation;

/// <summary>
/// Propagates a model the way a stored trajectory was generated and compares the two on the fly at the stored
/// samples, so that long trajectories are never held twice.
/// </summary>
/// <remarks>
/// The stored first sample is P(0⁺), the density after the field's initial kick (the generator records what the
/// propagation sees after <see cref="TdhfEquation.ApplyInitialKicks"/>), so the model starts from it under the field's
/// smooth part only. With the true potential the replay repeats the generator's arithmetic, and the errors are at
/// round-off. The model's density is checked at the stored samples, where a blow-up ends the propagation; its time
/// is known to within one sample spacing. Small bases propagate in plain arrays (<see cref="SampledPropagation"/>).
/// </remarks>
public static class PropagationComparison
{
    /// <summary>Replays <paramref name="trajectory"/> with <paramref name="model"/> and measures the differences.</summary>
    /// <param name="system">The trajectory's system: H_core, r and N_e (orthonormal basis).</param>
    /// <param name="model">G_θ, acting in the system's orthonormal basis; its parameters must not change meanwhile.</param>
    /// <param name="trajectory">Ground truth, with its metadata.</param>
    /// <param name="cancellation">Checked between steps.</param>
    /// <param name="keepDensities">Also return the model's densities at the samples (<see cref="PropagationMetrics.ModelDensities"/>).</param>
    /// <returns>The comparison; a blow-up of the model is reported in it, not thrown.</returns>
    /// <exception cref="TdhfInputException">The metadata name an unknown integrator or a bad field.</exception>
    public static PropagationMetrics Run(MolecularSystem system, ITwoElectronPotential model, Trajectory trajectory, CancellationToken cancellation = default,
        bool keepDensities = false)
    {
        var replay = TrajectoryReplay.Of(trajectory);
        var tracker = new SampleTracker(system, trajectory, replay.DipoleDirection);
        var size = system.OrbitalCount * system.OrbitalCount;
        var kept = keepDensities ? Enumerable.Repeat(new Complex(double.NaN, double.NaN), (int)trajectory.SampleCount * size).ToArray() : null;
        string? reason = null;
        double? blowUpTime = null;
        using var equation = new TdhfEquation(system, model, replay.Field);
        using var start = trajectory.Densities.narrow(0, 0, 1);
        try
        {
            SampledPropagation.Run(replay.Propagator, equation, start, replay.Dt, replay.Steps, replay.Stride, (sample, time, density) =>
            {
                if (tracker.Record(sample, density))
                {
                    if (kept is not null) density.CopyTo(kept.AsSpan(sample * size, size));
                    return true;
                }
                (blowUpTime, reason) = (time, $"the model's density became non-finite by t = {time}");
                return false;
            }, cancellation);
        }
        catch (PropagationNotConvergedException e)
        {
            reason = e.Message;
        }
        return tracker.Result(trajectory, replay, reason, blowUpTime) with { ModelDensities = kept };
    }
}
