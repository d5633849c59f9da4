using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;

namespace TorchTdhf.Evaluation;

/// <summary>
/// How a stored trajectory was propagated, read from its metadata, so that a model can be propagated the same way:
/// same integrator, time step, stored samples and field (without the kick already contained in the first sample).
/// </summary>
internal sealed record TrajectoryReplay(IPropagator Propagator, Field Field, double Dt, int Steps, int Stride, CartesianVector DipoleDirection)
{
    /// <summary>The replay of <paramref name="trajectory"/> up to its last stored sample.</summary>
    /// <exception cref="TdhfInputException">The metadata name an unknown integrator, a bad field or too many steps.</exception>
    public static TrajectoryReplay Of(Trajectory trajectory)
    {
        var spec = trajectory.Metadata.Spec;
        var source = Path.Combine(trajectory.Folder, TrajectoryFiles.Metadata);
        var recorded = spec.Field is null ? new NoField() : Field.FromJson(spec.Field.ToJsonString(), source);
        var field = recorded.Impulse.IsZero ? recorded : new SmoothField(recorded);
        // An incomplete trajectory is compared over the samples it has.
        var steps = (trajectory.SampleCount - 1) * spec.Stride;
        if (steps > int.MaxValue) throw new TdhfInputException($"at most {int.MaxValue} steps can be replayed, the trajectory has {steps}", source, key: "steps");
        var direction = spec.Polarisation is { Count: 3 } n ? new CartesianVector(n[0], n[1], n[2]) : CartesianVector.UnitZ;
        return new TrajectoryReplay(Propagators.Create(spec.Integrator), field, spec.Dt, (int)steps, spec.Stride, direction);
    }
}
