namespace TorchTdhf.Dynamics.Generation;

/// <summary>Where a running generation stands, reported while it propagates.</summary>
/// <param name="Batch">Name of the batch being propagated.</param>
/// <param name="Members">Members in the batch.</param>
/// <param name="Step">Fine steps done in this batch.</param>
/// <param name="Steps">Fine steps the batch needs.</param>
/// <param name="Elapsed">Time spent on this batch so far.</param>
public sealed record GenerationProgress(string Batch, int Members, long Step, long Steps, TimeSpan Elapsed)
{
    /// <summary>Trajectory-steps per second so far (members × steps / seconds).</summary>
    public double TrajectoryStepsPerSecond => Elapsed.TotalSeconds > 0 ? Members * Step / Elapsed.TotalSeconds : 0;
}
