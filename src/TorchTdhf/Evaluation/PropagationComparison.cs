using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;
using TorchTdhf.Models;
using static TorchSharp.torch;

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
/// is known to within one sample spacing.
/// </remarks>
public static class PropagationComparison
{
    /// <summary>Replays <paramref name="trajectory"/> with <paramref name="model"/> and measures the differences.</summary>
    /// <param name="system">The trajectory's system: H_core, r and N_e (orthonormal basis).</param>
    /// <param name="model">G_θ, acting in the system's orthonormal basis.</param>
    /// <param name="trajectory">Ground truth, with its metadata.</param>
    /// <param name="cancellation">Checked between steps.</param>
    /// <returns>The comparison; a blow-up of the model is reported in it, not thrown.</returns>
    /// <exception cref="TdhfInputException">The metadata name an unknown integrator or a bad field.</exception>
    public static PropagationMetrics Run(MolecularSystem system, ITwoElectronPotential model, Trajectory trajectory, CancellationToken cancellation = default)
    {
        var replay = TrajectoryReplay.Of(trajectory);
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        using var equation = new TdhfEquation(system, model, replay.Field);
        using var tracker = new SampleTracker(system, trajectory, replay.DipoleDirection);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        string? reason = null;
        double? blowUpTime = null;
        try
        {
            Propagation.RunToEnd(replay.Propagator, equation, trajectory.Densities.narrow(0, 0, 1), replay.Dt, replay.Steps, (step, time, density) =>
            {
                if (step % replay.Stride != 0 || tracker.Record(step / replay.Stride, density)) return;
                (blowUpTime, reason) = (time, $"the model's density became non-finite by t = {time}");
                stop.Cancel();
            }, stop.Token);
        }
        catch (OperationCanceledException) when (reason is not null && !cancellation.IsCancellationRequested)
        {
        }
        catch (PropagationNotConvergedException e)
        {
            reason = e.Message;
        }
        return tracker.Result(trajectory, replay, reason, blowUpTime);
    }
}
