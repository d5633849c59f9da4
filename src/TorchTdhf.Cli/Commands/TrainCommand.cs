using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Cli.Output;
using TorchTdhf.Cli.Settings;
using TorchTdhf.Models;
using TorchTdhf.Runtime;
using TorchTdhf.Training.Preconditioning;
using TorchTdhf.Training.Runs;

namespace TorchTdhf.Cli.Commands;

/// <summary>
/// <c>tdhf train</c>: fits a learnable potential to dataset folders with the chosen solver, checkpointing into the run
/// folder; Ctrl+C or SIGTERM checkpoints and exits cleanly, <c>--resume</c> continues bit for bit.
/// </summary>
public sealed class TrainCommand : Command<TrainSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var options = Options(settings);
        options.Validate();
        using var signal = new StopSignal();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(signal.Token, cancellationToken);
        var result = ProgressDisplay.Run(progress =>
        {
            var task = progress?.AddTask(Label(options, null), maxValue: options.IterationLimit);
            return TrainingRun.Run(options, new InlineProgress<TrainingRunProgress>(p => Show(task, options, p, settings.Json)), stop.Token);
        });
        if (settings.Json) JsonOutput.Print(result with { LossHistory = Array.Empty<double>() });
        else Print(result);
        return 0;
    }

    private static TrainingRunOptions Options(TrainSettings s) => new()
    {
        DataFolders = s.Data,
        Roles = s.Role,
        Model = ModelKinds.Parse(s.Model),
        Solver = SolverKinds.Parse(s.Solver),
        RunFolder = s.Out ?? throw new TdhfInputException("--out is required (the run folder, e.g. checkpoints/RUN)", key: "--out"),
        Resume = s.Resume,
        CheckpointEvery = s.CheckpointEvery,
        Iterations = s.Iterations,
        AbsoluteTolerance = s.Atol,
        RelativeTolerance = s.Btol,
        ConditionLimit = s.Conlim,
        ReorthogonalisationMiB = s.ReorthMemory,
        Preconditioner = PreconditionerKinds.Parse(s.Preconditioner),
        Ridge = s.Ridge,
        Damping = s.Damping,
        LearningRate = s.LearningRate,
        BatchSize = s.BatchSize,
        Momentum = s.Momentum,
        History = s.History,
        RolloutSteps = s.RolloutSteps,
        Chunk = s.Chunk,
        Seed = s.Seed,
        Device = s.Device,
    };

    // A bar on a terminal; elsewhere one line per checkpoint on standard error, so logs show the run advancing.
    private static void Show(ProgressTask? task, TrainingRunOptions options, TrainingRunProgress p, bool json)
    {
        if (task is not null)
        {
            task.MaxValue = p.TotalIterations;
            task.Value = p.Iteration;
            task.Description = Label(options, p);
        }
        else if (p.Checkpointed && !json)
        {
            Console.Error.WriteLine($"iteration {p.Iteration}/{p.TotalIterations}: loss {p.Loss:E4}{Gradient(p)}, {p.IterationsPerSecond:F2} it/s, checkpoint written");
        }
    }

    private static string Label(TrainingRunOptions options, TrainingRunProgress? p)
    {
        var head = $"{options.Model.Name()} {options.Solver.Name()}";
        if (p is null) return Markup.Escape(head);
        return Markup.Escape($"{head} loss {p.Loss:E3}{Gradient(p)}") + $" [grey]{p.IterationsPerSecond:F2} it/s[/]";
    }

    private static string Gradient(TrainingRunProgress p) => p.GradientNorm is { } g ? $", ‖Jᵀr‖ {g:E2}" : "";

    private static void Print(TrainingRunResult r)
    {
        foreach (var warning in r.Warnings) Console.Error.WriteLine($"tdhf: warning: {warning}");
        AnsiConsole.WriteLine($"{r.System}: N = {r.BasisSize}, {r.Model} model ({r.ParameterCount:N0} parameters), {r.Solver}, {r.Samples:N0} samples from {r.Trajectories} trajectories ({string.Join(", ", r.Roles)})");
        var resumed = r.ResumedFrom > 0 ? $" (resumed at {r.ResumedFrom})" : "";
        AnsiConsole.WriteLine($"  {r.Status}{(r.StopReason is null ? "" : $" ({r.StopReason})")} after {r.Iterations} of {r.IterationLimit} iterations{resumed}, {r.Seconds:F1} s, {r.IterationsPerSecond:F2} it/s");
        AnsiConsole.WriteLine($"  final loss Σ‖r‖² = {r.FinalLoss:E6}; the true potential's on the same samples (the data's floor): {r.TrueLoss:E6}");
        AnsiConsole.WriteLine($"  checkpoint (iteration {r.CheckpointIteration}) and summary.json in {r.RunFolder}");
    }
}
