namespace TorchTdhf.Dynamics;

/// <summary>Creates propagators by name, for command lines and configuration files.</summary>
public static class Propagators
{
    /// <summary>The accepted names: rk4; magnus4 (alias mk4, rkmk4); expmid (alias magnus2).</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { "rk4", "magnus4", "mk4", "rkmk4", "expmid", "magnus2" };

    /// <summary>The propagator called <paramref name="name"/> (case-insensitive).</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="midpointTolerance">Fixed-point tolerance of <c>expmid</c>; ignored by the explicit schemes.</param>
    /// <exception cref="TdhfInputException">The name is unknown.</exception>
    public static IPropagator Create(string name, double midpointTolerance = 1e-13) => name.Trim().ToLowerInvariant() switch
    {
        "rk4" => new RungeKutta4(),
        "magnus4" or "mk4" or "rkmk4" => new MuntheKaas4(),
        "expmid" or "magnus2" => new ExponentialMidpoint(midpointTolerance),
        _ => throw new TdhfInputException($"unknown propagator '{name}'; choose one of {string.Join(", ", Names)}", key: "propagator"),
    };
}
