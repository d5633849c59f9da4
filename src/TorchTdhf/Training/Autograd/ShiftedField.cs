using TorchTdhf.Dynamics;

namespace TorchTdhf.Training.Autograd;

/// <summary>
/// A field seen from a later time origin: E'(t) = E(t₀ + t). Rollout windows that start at different data times
/// share one propagation clock from t = 0, each with its trajectory's field shifted to its own start.
/// </summary>
/// <remarks>No impulse: a δ-kick acts at the trajectory's t = 0 and is already part of the stored densities.</remarks>
/// <param name="Inner">The trajectory's field.</param>
/// <param name="Origin">t₀, the window's start time on the trajectory's clock (a.u.).</param>
internal sealed record ShiftedField(Field Inner, double Origin) : Field
{
    /// <inheritdoc />
    public override CartesianVector At(double time) => Inner.At(Origin + time);
}
