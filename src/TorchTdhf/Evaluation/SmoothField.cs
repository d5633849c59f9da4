using TorchTdhf.Dynamics;

namespace TorchTdhf.Evaluation;

/// <summary>
/// A field without its impulse at t = 0. Stored trajectories begin at P(0⁺), after the kicks, so replaying one from
/// its first sample must not kick again; the smooth part is all that acts afterwards.
/// </summary>
/// <param name="Source">The field as recorded.</param>
internal sealed record SmoothField(Field Source) : Field
{
    /// <inheritdoc />
    public override CartesianVector At(double time) => Source.At(time);
}
