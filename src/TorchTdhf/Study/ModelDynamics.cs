using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Study;

/// <summary>
/// The densities a potential produces along a stored test trajectory (same start, integrator, time step, stride and
/// field, as <see cref="Evaluation.PropagationComparison"/> replays it), kept at the stored samples for plotting next to the
/// ground truth.
/// </summary>
public static class ModelDynamics
{
    /// <summary>Replays <paramref name="trajectory"/> with <paramref name="potential"/>.</summary>
    /// <param name="system">H_core and r (orthonormal basis).</param>
    /// <param name="potential">G, in the system's orthonormal basis.</param>
    /// <param name="trajectory">The ground truth whose first sample and metadata define the run.</param>
    /// <param name="cancellation">Checked before every step.</param>
    /// <returns>P at the stored sample times: [T, N, N] complex128, orthonormal basis (non-finite after a blow-up).</returns>
    /// <exception cref="TdhfInputException">The metadata name an unknown integrator or a bad field.</exception>
    public static Tensor Replay(MolecularSystem system, ITwoElectronPotential potential, Trajectory trajectory, CancellationToken cancellation = default)
    {
        var replay = Evaluation.TrajectoryReplay.Of(trajectory);
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        using var equation = new TdhfEquation(system, potential, replay.Field);
        var frames = Propagation.Run(replay.Propagator, equation, trajectory.Densities.narrow(0, 0, 1), replay.Dt, replay.Steps, replay.Stride,
            cancellation: cancellation);
        return frames[0].MoveToOuterDisposeScope();
    }
}
