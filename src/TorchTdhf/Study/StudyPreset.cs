namespace TorchTdhf.Study;

/// <summary>
/// A reproduction of the learning study: which systems (names of <see cref="Dynamics.Generation.PresetCatalog"/>),
/// how far their protocol is shortened, and the iteration budgets of the solvers.
/// </summary>
/// <param name="Name">Preset name, e.g. <c>quick</c>.</param>
/// <param name="Description">What the preset is for.</param>
/// <param name="Systems">System presets, in report order.</param>
/// <param name="Scale">Factor in (0, 1] on every step count of the paper's protocol.</param>
/// <param name="EnsembleSize">Random initial conditions of the ensemble, or null for the protocol's (paper: 100).</param>
/// <param name="LsmrIterations">LSMR iteration cap (the solver usually stops earlier on its tolerances).</param>
/// <param name="AdamIterations">Adam iterations of the autograd comparison model.</param>
/// <param name="RolloutIterations">Adam iterations of the rollout-trained comparison model.</param>
/// <param name="ComparisonSystems">How many of the first systems also get the Adam and rollout models.</param>
/// <param name="KickDt">Time step of the δ-kick runs (atomic units; longer than the protocol's, since magnus4 stays accurate
/// and the spectrum needs a long record rather than a fine one).</param>
/// <param name="KickSteps">Steps of the δ-kick runs behind the absorption spectra.</param>
/// <param name="KickStride">Stride of the stored dipole samples of the kick runs.</param>
public sealed record StudyPreset(
    string Name,
    string Description,
    IReadOnlyList<string> Systems,
    double Scale,
    int? EnsembleSize,
    int LsmrIterations,
    int AdamIterations,
    int RolloutIterations,
    int ComparisonSystems,
    double KickDt,
    int KickSteps,
    int KickStride)
{
    /// <summary>Whether the system at <paramref name="index"/> in <see cref="Systems"/> gets the comparison models.</summary>
    public bool HasComparisons(int index) => index < ComparisonSystems;
}
