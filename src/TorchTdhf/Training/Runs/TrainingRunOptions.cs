using TorchTdhf.Models;
using TorchTdhf.Training.Autograd;
using TorchTdhf.Training.Preconditioning;

namespace TorchTdhf.Training.Runs;

/// <summary>Everything <see cref="TrainingRun"/> needs: data, model, solver settings, run folder and checkpointing.</summary>
public sealed record TrainingRunOptions
{
    /// <summary>Iterations when <see cref="Iterations"/> is not set.</summary>
    public const long DefaultIterations = 1000;

    /// <summary>Dataset folders of one system (each with <c>manifest.json</c> and <c>system.npz</c>).</summary>
    public required IReadOnlyList<string> DataFolders { get; init; }

    /// <summary>Trajectory roles to train on; null or empty: <see cref="TrainingInputs.DefaultRoles"/> present in the data.</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>The model's parameterisation.</summary>
    public ModelKind Model { get; init; } = ModelKind.Symm;

    /// <summary>The solver.</summary>
    public SolverKind Solver { get; init; } = SolverKind.Lsmr;

    /// <summary>The run folder: checkpoints in <c>latest/</c> and <c>previous/</c>, and <c>summary.json</c>.</summary>
    public required string RunFolder { get; init; }

    /// <summary>Continue the run in <see cref="RunFolder"/> from its newest checkpoint.</summary>
    public bool Resume { get; init; }

    /// <summary>Checkpoint every this many iterations (also on a stop request and at the end).</summary>
    public long CheckpointEvery { get; init; } = 100;

    /// <summary>Iteration limit; <see cref="DefaultIterations"/> when null.</summary>
    public long? Iterations { get; init; }

    /// <summary>LSMR atol. Zero by default, so LSMR runs to machine precision or its iteration limit: the targets'
    /// finite-difference error is far below any useful tolerance (the true potential's loss is 1e-21…1e-12 hartree²
    /// for ‖b‖² of 1e4…1e6 on the paper's protocol), and the tolerance tests of 1e-8 stopped fits orders above it.</summary>
    public double AbsoluteTolerance { get; init; }

    /// <summary>LSMR btol (zero by default, see <see cref="AbsoluteTolerance"/>).</summary>
    public double RelativeTolerance { get; init; }

    /// <summary>LSMR conlim; 0 (the default) disables it: derivative matching on one trajectory is legitimately
    /// conditioned beyond 1e8, and stopping there leaves the loss far above its floor.</summary>
    public double ConditionLimit { get; init; }

    /// <summary>Default of <see cref="ReorthogonalisationMiB"/>.</summary>
    public const int DefaultReorthogonalisationMiB = 1024;

    /// <summary>LSMR: MiB of Golub–Kahan vectors kept for reorthogonalisation (<see cref="Training.LsmrOptions.ReorthogonalisationBytes"/>); 0 disables.</summary>
    public int ReorthogonalisationMiB { get; init; } = DefaultReorthogonalisationMiB;

    /// <summary>LSMR: the right preconditioner (<see cref="PreconditionerKind"/>).</summary>
    public PreconditionerKind Preconditioner { get; init; }

    /// <summary>Default of <see cref="Ridge"/>, from the middle of the range that works on every system measured. On the
    /// full LiH/6-31G trajectory 10⁻¹⁸ ends 1 200 times above the data's floor, 10⁻²⁰ just below it, and 10⁻²² to
    /// 10⁻²⁸ at the least-squares minimum (0.75 of the floor) with field-on errors near 1e-9 (4e-8 at 10⁻²⁰); on the
    /// quick preset's short HeH⁺/6-31G trajectory 10⁻²⁴ still ends 2.7 times above its floor, 10⁻²⁶ below it, and
    /// 10⁻³⁰ predicts the field-on test ten times worse. Without a ridge the fit fills the undetermined directions with
    /// noise (<see cref="PreconditionedRidge"/>).</summary>
    public const double DefaultRidge = 1e-26;

    /// <summary>LSMR with <see cref="PreconditionerKind.Normal"/>: the ridge λ of min ‖r‖² + λ‖θ‖², relative to the
    /// largest diagonal entry of the normal matrix (<see cref="PreconditionedRidge"/>).</summary>
    public double Ridge { get; init; } = DefaultRidge;

    /// <summary>LSMR damping λ.</summary>
    public double Damping { get; init; }

    /// <summary>Learning rate of adam, sgd, lbfgs and rollout.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Minibatch size (samples or rollout windows).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; }

    /// <summary>L-BFGS history size.</summary>
    public int History { get; init; } = 100;

    /// <summary>Rollout horizon K (samples propagated per window).</summary>
    public int RolloutSteps { get; init; } = 4;

    /// <summary>Samples per chunk of the least-squares operator; null: sized by memory.</summary>
    public int? Chunk { get; init; }

    /// <summary>Seed of the minibatch order.</summary>
    public ulong Seed { get; init; }

    /// <summary>Compute device: <c>cpu</c> (<c>cuda</c> is refused by this build).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>The iteration limit in force.</summary>
    public long IterationLimit => Iterations ?? DefaultIterations;

    /// <summary>Checks every setting before any data is read.</summary>
    /// <exception cref="TdhfInputException">A setting is out of range; the key names it.</exception>
    public void Validate()
    {
        TrainingDevice.Require(Device);
        if (Iterations is < 1) throw new TdhfInputException($"the number of iterations must be at least 1, not {Iterations}", key: "iterations");
        if (IterationLimit > int.MaxValue && Solver == SolverKind.Lsmr)
            throw new TdhfInputException($"LSMR takes at most {int.MaxValue} iterations, not {IterationLimit}", key: "iterations");
        if (CheckpointEvery < 1) throw new TdhfInputException($"--checkpoint-every must be at least 1, not {CheckpointEvery}", key: "checkpoint-every");
        new DerivativeResidualOptions { ChunkSize = Chunk }.ChunkFor(1, 1);
        if (Solver == SolverKind.Lsmr) LsmrOptions().Validate();
        if (Preconditioner != PreconditionerKind.None && Solver != SolverKind.Lsmr)
            throw new TdhfInputException($"--preconditioner applies to the LSMR solver, not to {Solver.Name()}", key: "preconditioner");
        if (Preconditioner != PreconditionerKind.None && Damping != 0)
            throw new TdhfInputException("--damping does not combine with --preconditioner, whose --ridge regularises θ instead", key: "damping");
        if (!(Ridge > 0 && Ridge < 1)) throw new TdhfInputException($"--ridge must lie in (0, 1), not {Ridge}", key: "ridge");
        if (AutogradOptions() is { } autograd) autograd.Validate();
        if (Solver == SolverKind.Rollout) new RolloutOptions { Horizon = RolloutSteps }.Validate();
    }

    /// <summary>The LSMR settings.</summary>
    public LsmrOptions LsmrOptions() => new()
    {
        Damping = Damping,
        AbsoluteTolerance = AbsoluteTolerance,
        RelativeTolerance = RelativeTolerance,
        ConditionLimit = ConditionLimit,
        ReorthogonalisationBytes = (long)ReorthogonalisationMiB << 20,
        MaxIterations = (int)Math.Min(int.MaxValue, IterationLimit),
    };

    /// <summary>The optimizer settings, or null for LSMR and the exact solver.</summary>
    public AutogradOptions? AutogradOptions() => Solver switch
    {
        SolverKind.Adam or SolverKind.Rollout => Optimizer(OptimizerKind.Adam),
        SolverKind.Sgd => Optimizer(OptimizerKind.Sgd),
        SolverKind.Lbfgs => Optimizer(OptimizerKind.Lbfgs),
        _ => null,
    };

    private AutogradOptions Optimizer(OptimizerKind kind) => new()
    {
        Optimizer = kind,
        LearningRate = LearningRate,
        BatchSize = BatchSize,
        Iterations = IterationLimit,
        Momentum = Momentum,
        HistorySize = History,
        Seed = Seed,
    };
}
