namespace TorchTdhf.Chemistry;

/// <summary>A nucleus: its atomic number and position in bohr.</summary>
/// <param name="AtomicNumber">Z, 1 (H) to 36 (Kr).</param>
/// <param name="X">x coordinate, bohr.</param>
/// <param name="Y">y coordinate, bohr.</param>
/// <param name="Z">z coordinate, bohr.</param>
public sealed record Atom(int AtomicNumber, double X, double Y, double Z)
{
    /// <summary>Distance to <paramref name="other"/>, bohr.</summary>
    public double DistanceTo(Atom other)
    {
        double dx = X - other.X, dy = Y - other.Y, dz = Z - other.Z;
        return Math.Sqrt(dx * dx + dy * dy + dz * dz);
    }
}
