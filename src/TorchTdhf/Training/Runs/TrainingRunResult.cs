namespace TorchTdhf.Training.Runs;

/// <summary>How a run ended; written as the run folder's <c>summary.json</c>.</summary>
/// <param name="RunFolder">The run folder.</param>
/// <param name="Status"><c>completed</c>, <c>converged</c>, <c>stopped</c> (a stop signal) or <c>diverged</c>.</param>
/// <param name="StopReason">The solver's stop reason or the divergence message, if any.</param>
/// <param name="Model">Model kind name.</param>
/// <param name="Solver">Solver name.</param>
/// <param name="System">The system's name.</param>
/// <param name="BasisSize">N.</param>
/// <param name="ParameterCount">Length of θ.</param>
/// <param name="Samples">Derivative-matching samples.</param>
/// <param name="Roles">Trajectory roles trained on.</param>
/// <param name="Trajectories">Trajectories trained on.</param>
/// <param name="DataFingerprint">The <see cref="Runs.DataFingerprint"/> of the data.</param>
/// <param name="ResumedFrom">The iteration the run resumed from (0 for a fresh run).</param>
/// <param name="Iterations">Iterations completed in total.</param>
/// <param name="IterationLimit">The iteration limit.</param>
/// <param name="FinalLoss">Σ‖b − [G_θ(P), P]‖² over all samples at the final parameters, evaluated exactly.</param>
/// <param name="TrueLoss">The same loss of the true potential (<see cref="Models.ModelFactory.FromTrue(Models.ModelKind, Chemistry.MolecularSystem)"/>) on the same
/// samples: the floor set by the finite-difference error of the data's Ṗ, which a fit can match but, with enough data,
/// not beat by much.</param>
/// <param name="LossHistory">The loss after each iteration since the run began (resumed history included).</param>
/// <param name="Seconds">Wall time of this process's training loop.</param>
/// <param name="SecondsLoading">Wall time spent loading data.</param>
/// <param name="IterationsPerSecond">Iterations per second in this process.</param>
/// <param name="CheckpointIteration">The iteration of the newest checkpoint on disk.</param>
/// <param name="Warnings">Problems met on resume (e.g. a damaged checkpoint skipped).</param>
public sealed record TrainingRunResult(string RunFolder, string Status, string? StopReason, string Model, string Solver, string System, int BasisSize,
    long ParameterCount, long Samples, IReadOnlyList<string> Roles, int Trajectories, string DataFingerprint, long ResumedFrom, long Iterations,
    long IterationLimit, double FinalLoss, double TrueLoss, IReadOnlyList<double> LossHistory, double Seconds, double SecondsLoading, double IterationsPerSecond,
    long CheckpointIteration, IReadOnlyList<string> Warnings);
