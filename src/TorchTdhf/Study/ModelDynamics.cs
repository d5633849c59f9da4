using TorchSharp;
using TorchTdhf.Chemistry;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;
using TorchTdhf.Models;
using static TorchSharp.torch;

namespace TorchTdhf.Study;

/// <summary>
/// The densities a potential produces along a stored test trajectory (same start, integrator, time step, stride and
/// field), kept at the stored samples for plotting next to the ground truth.
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
        var spec = trajectory.Metadata.Spec;
        var source = Path.Combine(trajectory.Folder, TrajectoryFiles.Metadata);
        var recorded = spec.Field is null ? new NoField() : Field.FromJson(spec.Field.ToJsonString(), source);
        // A kick is already contained in the first stored sample; test trajectories carry smooth fields only.
        Field field = recorded.Impulse.IsZero ? recorded : new NoField();
        var steps = checked((int)((trajectory.SampleCount - 1) * spec.Stride));
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        using var equation = new TdhfEquation(system, potential, field);
        var frames = Propagation.Run(Propagators.Create(spec.Integrator), equation, trajectory.Densities.narrow(0, 0, 1), spec.Dt, steps, spec.Stride,
            cancellation: cancellation);
        return frames[0].MoveToOuterDisposeScope();
    }
}
