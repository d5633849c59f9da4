using TorchTdhf.Dynamics.InitialConditions;

namespace TorchTdhf.Dynamics.Generation;

/// <summary>
/// Trajectories of one system propagated together as a batch: same time grid and integrator; each member has its
/// own initial condition and field.
/// </summary>
/// <param name="Name">A label for progress displays, e.g. <c>ensemble</c>.</param>
/// <param name="Members">Member ids (folder names in the dataset) with their initial condition and field.</param>
/// <param name="Dt">Fine time step, atomic units.</param>
/// <param name="Steps">Fine steps; a multiple of <paramref name="Stride"/>.</param>
/// <param name="Stride">Store every stride-th fine step.</param>
/// <param name="Integrator">Propagator name (<see cref="Propagators.Names"/>).</param>
/// <param name="Seed">Seed behind random initial conditions, recorded in the metadata.</param>
public sealed record TrajectoryBatch(string Name, IReadOnlyList<BatchMember> Members, double Dt, long Steps, int Stride, string Integrator, long? Seed = null)
{
    /// <summary>Fine steps over all members: the work the batch represents.</summary>
    public long TrajectorySteps => Steps * Members.Count;
}

/// <summary>One trajectory of a <see cref="TrajectoryBatch"/>.</summary>
/// <param name="Id">Unique id within the dataset, used as its folder name.</param>
/// <param name="Role">What the trajectory is for, e.g. <c>train</c>, <c>ensemble</c>, <c>test-field-on</c>.</param>
/// <param name="InitialCondition">How its initial density is made.</param>
/// <param name="Field">The field that drives it.</param>
public sealed record BatchMember(string Id, string Role, InitialConditionSpec InitialCondition, Field Field);
