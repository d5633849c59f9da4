namespace TorchTdhf.Dynamics;

/// <summary>No external field: E(t) = 0 (field-free propagation).</summary>
public sealed record NoField : Field
{
    /// <inheritdoc />
    public override CartesianVector At(double time) => CartesianVector.Zero;
}
