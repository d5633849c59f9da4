namespace TorchTdhf.Dynamics.Generation;

/// <summary>
/// The time grids of the learning study (Bhat, Gupta &amp; Isborn 2024): one long field-free training trajectory,
/// an ensemble of shorter field-free trajectories from random initial conditions, and field-free and field-on
/// test trajectories from the training trajectory's initial condition. Atomic units.
/// </summary>
/// <param name="Dt">Fine time step (paper: 0.0008268).</param>
/// <param name="TrainingSteps">Fine steps of the training trajectory (paper: 200 000).</param>
/// <param name="TrainingStride">Its sampling stride (paper: 10).</param>
/// <param name="EnsembleSize">Random initial conditions (paper: 100).</param>
/// <param name="EnsembleSteps">Fine steps of each ensemble trajectory (paper: 20 000).</param>
/// <param name="EnsembleStride">Their sampling stride (paper: 100).</param>
/// <param name="TestSteps">Fine steps of each test trajectory.</param>
/// <param name="TestStride">Their sampling stride.</param>
/// <param name="EnsembleFactor">Noise amplitude of the ensemble relative to mean |P0| (paper: 10).</param>
/// <param name="Seed">Seed of the ensemble's noise.</param>
/// <param name="Integrator">Ground-truth propagator.</param>
public sealed record Protocol(
    double Dt = 0.0008268,
    long TrainingSteps = 200_000,
    int TrainingStride = 10,
    int EnsembleSize = 100,
    long EnsembleSteps = 20_000,
    int EnsembleStride = 100,
    long TestSteps = 200_000,
    int TestStride = 10,
    double EnsembleFactor = 10,
    long Seed = 2024,
    string Integrator = "magnus4")
{
    /// <summary>The paper's protocol.</summary>
    public static Protocol Paper { get; } = new();

    /// <summary>
    /// The same protocol with every step count multiplied by <paramref name="scale"/> (for CPU work), rounded to a
    /// multiple of its stride and kept at four strides at least.
    /// </summary>
    /// <exception cref="TdhfInputException">The scale is not in (0, 1].</exception>
    public Protocol Scaled(double scale)
    {
        if (!(scale > 0 && scale <= 1)) throw new TdhfInputException($"the scale must be in (0, 1], not {scale}", key: "--scale");
        return this with
        {
            TrainingSteps = Shrink(TrainingSteps, TrainingStride, scale),
            EnsembleSteps = Shrink(EnsembleSteps, EnsembleStride, scale),
            TestSteps = Shrink(TestSteps, TestStride, scale),
        };
    }

    private static long Shrink(long steps, int stride, double scale) => Math.Max(4, (long)Math.Round(steps * scale / stride)) * stride;
}
