using System.ComponentModel;
using Spectre.Console.Cli;
using TorchTdhf.Training.Runs;

namespace TorchTdhf.Cli.Settings;

/// <summary>Options of <c>tdhf train</c>.</summary>
public sealed class TrainSettings : OutputSettings
{
    /// <summary>Dataset folders.</summary>
    [CommandOption("-d|--data <DIR>")]
    [Description("A dataset folder written by `tdhf generate` (repeat for several folders of one system).")]
    public string[] Data { get; init; } = Array.Empty<string>();

    /// <summary>Model kind.</summary>
    [CommandOption("--model <KIND>")]
    [Description("tied, herm or symm (default symm).")]
    public string Model { get; init; } = "symm";

    /// <summary>Solver.</summary>
    [CommandOption("--solver <NAME>")]
    [Description("lsmr, exact, adam, lbfgs, sgd or rollout (default lsmr). L-BFGS's curvature history is not checkpointed: a resumed lbfgs run restarts it.")]
    public string Solver { get; init; } = "lsmr";

    /// <summary>Trajectory roles.</summary>
    [CommandOption("--role <ROLE>")]
    [Description("Trajectory role to train on: train, ensemble, test-field-free, test-field-on (repeatable; default: train and ensemble, those present).")]
    public string[] Role { get; init; } = Array.Empty<string>();

    /// <summary>Run folder.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Run folder for checkpoints (latest/, previous/) and summary.json, e.g. checkpoints/RUN.")]
    public string? Out { get; init; }

    /// <summary>Resume from the run folder's newest checkpoint.</summary>
    [CommandOption("--resume")]
    [Description("Continue the run in --out from its newest checkpoint (refused if the model or data differ).")]
    public bool Resume { get; init; }

    /// <summary>Checkpoint interval.</summary>
    [CommandOption("--checkpoint-every <K>")]
    [Description("Write a checkpoint every K iterations (default 100); also on Ctrl+C/SIGTERM and at the end.")]
    public long CheckpointEvery { get; init; } = 100;

    /// <summary>Iterations.</summary>
    [CommandOption("--iterations <N>")]
    [Description("Iteration limit (default 1000; the exact solver takes one).")]
    public long? Iterations { get; init; }

    /// <summary>LSMR atol.</summary>
    [CommandOption("--atol <X>")]
    [Description("LSMR: stop when ‖Jᵀr‖ ≤ atol ‖J‖ ‖r‖ (default 0: run to machine precision or --iterations).")]
    public double Atol { get; init; }

    /// <summary>LSMR btol.</summary>
    [CommandOption("--btol <X>")]
    [Description("LSMR: relative accuracy of the targets (default 0).")]
    public double Btol { get; init; }

    /// <summary>LSMR conlim.</summary>
    [CommandOption("--conlim <X>")]
    [Description("LSMR: stop when the condition estimate exceeds it; 0 disables (default 0).")]
    public double Conlim { get; init; }

    /// <summary>LSMR reorthogonalisation memory.</summary>
    [CommandOption("--reorth-memory <MiB>")]
    [Description("LSMR: memory for the vectors each new one is reorthogonalised against, in MiB (default 1024; 0: none). Without it LSMR stalls on ill-conditioned fits such as one trajectory; the vectors are also checkpointed.")]
    public int ReorthMemory { get; init; } = TrainingRunOptions.DefaultReorthogonalisationMiB;

    /// <summary>LSMR preconditioner.</summary>
    [CommandOption("--preconditioner <KIND>")]
    [Description("LSMR: none (default) or normal: minimise ‖r‖² + λ‖θ‖² (see --ridge) preconditioned by the Cholesky factor of the normal matrix, which takes a single trajectory to its floor in tens of iterations. Minutes to build and N⁸/16 reals of memory: for small bases (N ≲ 16).")]
    public string Preconditioner { get; init; } = "none";

    /// <summary>Ridge of the preconditioned problem.</summary>
    [CommandOption("--ridge <X>")]
    [Description("LSMR with --preconditioner normal: λ of the ridge λ‖θ‖², relative to the largest diagonal entry of the normal matrix (default 1e-26).")]
    public double Ridge { get; init; } = TrainingRunOptions.DefaultRidge;

    /// <summary>LSMR damping.</summary>
    [CommandOption("--damping <λ>")]
    [Description("LSMR: minimise ‖r‖² + λ²‖θ‖² (default 0).")]
    public double Damping { get; init; }

    /// <summary>Learning rate.</summary>
    [CommandOption("--lr <X>")]
    [Description("Learning rate of adam, sgd, lbfgs and rollout (default 1e-3).")]
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Minibatch size.</summary>
    [CommandOption("--batch-size <B>")]
    [Description("Samples (rollout: windows) per minibatch (default 32).")]
    public int BatchSize { get; init; } = 32;

    /// <summary>SGD momentum.</summary>
    [CommandOption("--momentum <μ>")]
    [Description("SGD momentum in [[0, 1) (default 0).")]
    public double Momentum { get; init; }

    /// <summary>L-BFGS history.</summary>
    [CommandOption("--history <M>")]
    [Description("L-BFGS curvature pairs kept (default 100).")]
    public int History { get; init; } = 100;

    /// <summary>Rollout horizon.</summary>
    [CommandOption("--rollout-steps <K>")]
    [Description("Rollout: samples propagated from each window's start (default 4).")]
    public int RolloutSteps { get; init; } = 4;

    /// <summary>Chunk size.</summary>
    [CommandOption("--chunk <S>")]
    [Description("Samples per chunk of J·v and Jᵀ·w (default: sized to 256 MiB of working memory).")]
    public int? Chunk { get; init; }

    /// <summary>Seed.</summary>
    [CommandOption("--seed <N>")]
    [Description("Seed of the minibatch order (default 0).")]
    public ulong Seed { get; init; }

    /// <summary>Device.</summary>
    [CommandOption("--device <NAME>")]
    [Description("cpu (default); cuda needs libtorch-cuda, which this build does not ship.")]
    public string Device { get; init; } = "cpu";
}
