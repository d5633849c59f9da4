using Spectre.Console.Cli;
using TorchTdhf.Cli.Commands;

namespace TorchTdhf.Cli;

/// <summary>The <c>tdhf</c> command tree and its error policy.</summary>
public static class CliApp
{
    /// <summary>Exit code for a problem with the user's input (file, option, setting) or a failed calculation.</summary>
    public const int InputError = 2;

    /// <summary>Exit code for a command line that does not parse.</summary>
    public const int UsageError = 64;

    /// <summary>Exit code for a bug: an exception that is not an input problem.</summary>
    public const int InternalError = 70;

    /// <summary>Registers the commands and how errors are reported.</summary>
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("tdhf");
        config.SetExceptionHandler((exception, _) => ReportError(exception));
        config.AddCommand<ScfCommand>("scf")
            .WithDescription("RHF ground state of a closed-shell molecule: energy, orbital energies, iterations.")
            .WithExample("scf", "--molecule", "h2o", "--basis", "sto-3g")
            .WithExample("scf", "--molecule", "data/molecules/nh3.xyz", "--basis", "cc-pVDZ", "--json");
        config.AddCommand<SystemCommand>("system")
            .WithDescription("Write a molecular system (AO integrals, orthonormal basis, ground-state density) to an npz.")
            .WithExample("system", "--molecule", "lih", "--basis", "6-31g", "--out", "lih.npz")
            .WithExample("system", "--from-npz", "integrals.npz", "--out", "system.npz");
        config.AddCommand<GenerateCommand>("generate")
            .WithDescription("Ground-truth TDHF trajectories (with Ṗ) streamed into a dataset folder; presets reproduce the paper's protocol.")
            .WithExample("generate", "--preset", "lih_6-31g", "--scale", "0.01", "--out", "data/datasets")
            .WithExample("generate", "--molecule", "h2o", "--basis", "sto-3g", "--initial", "kick:strength=0.01,dir=z", "--steps", "2000", "--stride", "10", "--out", "runs/h2o-kick");
        config.AddCommand<TrainCommand>("train")
            .WithDescription("Fit a learnable potential (tied, herm, symm) to datasets by lsmr, exact, adam, lbfgs, sgd or rollout, with checkpoints and --resume.")
            .WithExample("train", "--data", "data/datasets/lih_6-31g", "--model", "symm", "--solver", "lsmr", "--iterations", "500", "--out", "checkpoints/lih-symm")
            .WithExample("train", "--data", "data/datasets/lih_6-31g", "--model", "symm", "--solver", "lsmr", "--out", "checkpoints/lih-symm", "--resume");
        config.AddCommand<EvaluateCommand>("evaluate")
            .WithDescription("Metrics of a trained checkpoint on held-out trajectories of the same system: residual, Hamiltonian, potential and propagation errors.")
            .WithExample("evaluate", "--checkpoint", "runs/lih-symm", "--test", "data/datasets/lih_6-31g");
        config.AddCommand<ReproduceCommand>("reproduce")
            .WithDescription("The paper's study end to end: generate, train Tied/Herm/Symm (+ Adam and rollout), evaluate, write tables and plots. Resumable.")
            .WithExample("reproduce", "--preset", "quick")
            .WithExample("reproduce", "--preset", "small", "--systems", "heh+_6-31g,lih_6-31g", "--out", "reports/small");
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Benchmarks that print figures and ratios.");
            bench.AddCommand<BenchEriCommand>("eri")
                .WithDescription("Time the full electron-repulsion tensor (best of ≥ 3 runs after a warm-up).")
                .WithExample("bench", "eri", "--molecule", "p-nitroaniline", "--basis", "sto-3g");
            bench.AddCommand<BenchGemmCommand>("gemm")
                .WithDescription("Float64 and complex128 matrix-multiply peaks (GFLOP/s), the yardstick of the other benchmarks.")
                .WithExample("bench", "gemm", "--size", "1024", "--json");
            bench.AddCommand<BenchPropagateCommand>("propagate")
                .WithDescription("Ensemble propagation: trajectory-steps/s, GFLOP/s and the fraction of the GEMM peaks measured in the same run.")
                .WithExample("bench", "propagate", "--molecule", "nh3", "--basis", "cc-pvdz", "--batch", "100", "--steps", "10", "--integrator", "rk4")
                .WithExample("bench", "propagate", "--system", "lih.npz", "--integrator", "magnus4", "--json");
            bench.AddCommand<BenchTrainCommand>("train")
                .WithDescription("One LSMR iteration of derivative matching (J·v and Jᵀ·w over S samples): seconds, GFLOP/s, fraction of the float64 GEMM peak.")
                .WithExample("bench", "train", "--molecule", "nh3", "--basis", "cc-pvdz", "--samples", "40000", "--model", "symm");
        });
    }

    /// <summary>Prints an error the way users should see it (one line on standard error) and returns the exit code.</summary>
    public static int ReportError(Exception exception)
    {
        // Work run in parallel reports its first failure wrapped; the user needs the failure itself.
        while (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate) exception = aggregate.InnerExceptions[0];
        var (message, code) = exception switch
        {
            TdhfInputException input => (input.Message, InputError),
            CommandParseException or CommandRuntimeException => (exception.Message, UsageError),
            OperationCanceledException => ("interrupted", 130),
            _ => ($"internal error: {exception}", InternalError),
        };
        Console.Error.WriteLine($"tdhf: error: {message}");
        return code;
    }
}
