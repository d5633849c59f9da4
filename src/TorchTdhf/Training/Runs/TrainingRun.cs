using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using TorchTdhf.Models;
using TorchTdhf.Training.Autograd;
using TorchTdhf.Training.Checkpoints;

namespace TorchTdhf.Training.Runs;

/// <summary>
/// A training run: loads the data, builds or restores the model and solver, iterates with progress reports,
/// checkpoints every K iterations, on a stop request and at the end, and writes <c>summary.json</c>. A diverging
/// optimizer ends the run without saving the diverged state, so the last good checkpoint stays the newest.
/// </summary>
public static class TrainingRun
{
    /// <summary>Name of the run summary in the run folder.</summary>
    public const string SummaryFileName = "summary.json";

    /// <summary>Runs (or resumes) the training that <paramref name="options"/> describe.</summary>
    /// <param name="options">Data, model, solver, run folder.</param>
    /// <param name="progress">Receives a report after every iteration (may be null).</param>
    /// <param name="stop">A stop request: the run checkpoints after the current iteration and returns with status <c>stopped</c>.</param>
    /// <exception cref="TdhfInputException">Bad options or data, a resume that does not fit, a damaged checkpoint, or divergence
    /// (the message says the iteration, the loss and which checkpoint is kept).</exception>
    public static TrainingRunResult Run(TrainingRunOptions options, IProgress<TrainingRunProgress>? progress = null, CancellationToken stop = default)
    {
        options.Validate();
        var loading = Stopwatch.StartNew();
        using var inputs = TrainingInputs.Load(options.DataFolders, options.Roles);
        using var model = ModelFactory.Create(options.Model, inputs.System.OrbitalCount);
        using var problem = new DerivativeResidual(model, inputs.Samples, new DerivativeResidualOptions { ChunkSize = options.Chunk });
        using var solvers = new SolverFactory();
        using var solver = solvers.Create(options, model, inputs, problem);
        var store = new CheckpointStore(options.RunFolder);
        var history = new List<double>();
        var warnings = new List<string>();
        var startedAt = DateTimeOffset.UtcNow;
        var resumedFrom = Restore(options, store, model, solver, inputs, history, warnings, ref startedAt);
        loading.Stop();

        var describe = new RunDescription(options, model, inputs, startedAt);
        var checkpointIteration = resumedFrom;
        var clock = Stopwatch.StartNew();
        string status;
        string? reason = null;
        try
        {
            while (!solver.IsFinished && !stop.IsCancellationRequested)
            {
                var step = solver.Step();
                if (!double.IsFinite(step.Loss))
                    throw new TrainingDivergedException(step.Iteration, step.Loss, history.Count > 0 ? history.Min() : double.PositiveInfinity, double.PositiveInfinity);
                history.Add(step.Loss);
                var save = step.Iteration % options.CheckpointEvery == 0;
                if (save) checkpointIteration = Save(store, describe, solver, history);
                var done = step.Iteration - resumedFrom;
                var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                var left = solver.TotalIterations - step.Iteration;
                progress?.Report(new TrainingRunProgress(step.Iteration, solver.TotalIterations, step.Loss, step.GradientNorm, rate,
                    done > 0 ? TimeSpan.FromSeconds(left / rate) : null, save));
            }
            status = stop.IsCancellationRequested && !solver.IsFinished ? "stopped" : solver.StopReason is null ? "completed" : "converged";
            reason = solver.StopReason;
            if (checkpointIteration != solver.Iteration || !Directory.Exists(store.LatestFolder)) checkpointIteration = Save(store, describe, solver, history);
        }
        catch (TrainingDivergedException e)
        {
            var kept = Directory.Exists(store.LatestFolder)
                ? $"the last good checkpoint (iteration {checkpointIteration}) is kept in {store.LatestFolder}"
                : "no checkpoint was written before it";
            var message = $"{e.Message}; {kept}";
            WriteSummary(Result(options, inputs, model, problem, "diverged", message, resumedFrom, solver.Iteration, history, clock, loading, checkpointIteration, warnings));
            throw new TdhfInputException(message, options.RunFolder, key: "lr", inner: e);
        }
        var result = Result(options, inputs, model, problem, status, reason, resumedFrom, solver.Iteration, history, clock, loading, checkpointIteration, warnings);
        WriteSummary(result);
        return result;
    }

    // Refuses to overwrite a run without --resume; with it, restores model, solver, history and start time.
    private static long Restore(TrainingRunOptions options, CheckpointStore store, ILearnablePotential model, ITrainingSolver solver, TrainingInputs inputs,
        List<double> history, List<string> warnings, ref DateTimeOffset startedAt)
    {
        var exists = Directory.Exists(store.LatestFolder) || Directory.Exists(store.PreviousFolder);
        if (!options.Resume)
        {
            if (exists) throw new TdhfInputException("the run folder already holds checkpoints; pass --resume to continue it, or choose another --out", store.RunFolder, key: "out");
            return 0;
        }
        using var checkpoint = store.LoadLatest();
        checkpoint.CheckResumable(model.Kind, inputs.System.OrbitalCount, model.ParameterCount, inputs.Fingerprint);
        if (checkpoint.Progress.Solver != options.Solver.Name())
            throw new TdhfInputException($"cannot resume: the checkpoint was written by solver {checkpoint.Progress.Solver} but --solver gives {options.Solver.Name()}",
                Path.Combine(checkpoint.Folder, "state.json"), key: "solver");
        checkpoint.RestoreModel(model.Module);
        solver.Import(checkpoint);
        history.AddRange(checkpoint.Progress.LossHistory);
        warnings.AddRange(checkpoint.Warnings);
        startedAt = checkpoint.Progress.StartedAt ?? startedAt;
        return checkpoint.Progress.Iteration;
    }

    private static long Save(CheckpointStore store, RunDescription describe, ITrainingSolver solver, IReadOnlyList<double> history)
    {
        using var state = solver.Export();
        store.Save(new CheckpointContent
        {
            Progress = describe.Progress(solver, history),
            Model = describe.Model.Module,
            Optimizer = solver.CheckpointOptimizer,
            Solver = state,
        });
        return solver.Iteration;
    }

    private static TrainingRunResult Result(TrainingRunOptions options, TrainingInputs inputs, ILearnablePotential model, DerivativeResidual problem, string status,
        string? reason, long resumedFrom, long iterations, List<double> history, Stopwatch clock, Stopwatch loading, long checkpointIteration, List<string> warnings)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        using var theta = model.GetParameters();
        using var truth = ModelFactory.FromTrue(model.Kind, inputs.System);
        using var trueTheta = truth.GetParameters();
        return new TrainingRunResult(Path.GetFullPath(options.RunFolder), status, reason, options.Model.Name(), options.Solver.Name(), inputs.System.Name,
            inputs.System.OrbitalCount, model.ParameterCount, inputs.Samples.Count, inputs.Roles, inputs.TrajectoryFolders.Count, inputs.Fingerprint,
            resumedFrom, iterations, options.IterationLimit, problem.Loss(theta), problem.Loss(trueTheta), history, seconds, loading.Elapsed.TotalSeconds,
            seconds > 0 ? (iterations - resumedFrom) / seconds : 0, checkpointIteration, warnings);
    }

    private static void WriteSummary(TrainingRunResult result)
    {
        Directory.CreateDirectory(result.RunFolder);
        var json = JsonSerializer.Serialize(result, SummaryJson.Options);
        IO.AtomicFile.WriteAllText(Path.Combine(result.RunFolder, SummaryFileName), json + "\n");
    }

    // What every checkpoint of the run records besides the solver's own state.
    private sealed record RunDescription(TrainingRunOptions Options, ILearnablePotential Model, TrainingInputs Inputs, DateTimeOffset StartedAt)
    {
        public TrainingProgress Progress(ITrainingSolver solver, IReadOnlyList<double> history) => new()
        {
            ModelKind = Model.Kind,
            ModelName = $"{Inputs.System.Name} {Model.Kind.Name()}",
            BasisSize = Inputs.System.OrbitalCount,
            ParameterCount = Model.ParameterCount,
            Solver = Options.Solver.Name(),
            Iteration = solver.Iteration,
            RngState = solver.RngState,
            LossHistory = history.ToArray(),
            Configuration = Configuration(),
            DataFingerprint = Inputs.Fingerprint,
            StartedAt = StartedAt,
        };

        private JsonObject Configuration() => JsonSerializer.SerializeToNode(Options with { Resume = false }, SummaryJson.Options)!.AsObject();
    }
}
