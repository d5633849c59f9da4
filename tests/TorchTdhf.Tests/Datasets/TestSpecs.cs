using TorchTdhf.Datasets;
using TorchTdhf.Dynamics.InitialConditions;

namespace TorchTdhf.Tests.Datasets;

/// <summary>Trajectory specs for tests: HeH+-sized by default (N = 4, two electrons).</summary>
internal static class TestSpecs
{
    public static TrajectorySpec Spec(double dt = 0.05, long steps = 20, int stride = 2, int n = 4, int electrons = 2,
        string fingerprint = "test-system", long seed = 0) => new()
    {
        SystemFingerprint = fingerprint,
        BasisSize = n,
        ElectronCount = electrons,
        Dt = dt,
        Steps = steps,
        Stride = stride,
        Integrator = "analytic",
        Field = System.Text.Json.Nodes.JsonNode.Parse("{\"kind\":\"sine\",\"amplitude\":0.05,\"omega\":0.0428}"),
        Polarisation = new[] { 0.0, 0.0, 1.0 },
        InitialCondition = new RandomEnsembleSpec(new GroundStateSpec(), 1.0, seed, 8).ForMember(0),
        Seed = seed,
    };

    public static TrajectoryMember[] Members(int count, TrajectorySpec spec, string prefix = "ensemble", string role = "ensemble") =>
        Enumerable.Range(0, count)
            .Select(i => new TrajectoryMember($"{prefix}-{i:D4}", role, spec with { InitialCondition = ((RandomEnsembleSpec)spec.InitialCondition).ForMember(i) }))
            .ToArray();
}
