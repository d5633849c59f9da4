using System.Diagnostics;
using TorchTdhf.Evaluation;
using TorchTdhf.Models;

namespace TorchTdhf.Study;

/// <summary>What <c>tdhf evaluate</c> reports: the checkpoint, the test data and the metrics.</summary>
/// <param name="Checkpoint">The checkpoint folder read.</param>
/// <param name="Model">Model kind name.</param>
/// <param name="BasisSize">N.</param>
/// <param name="ParameterCount">Length of θ.</param>
/// <param name="Solver">The solver that trained it.</param>
/// <param name="Iteration">Iterations trained.</param>
/// <param name="CheckpointDigest">SHA-256 of the checkpoint's state and model files.</param>
/// <param name="SystemFingerprint">The system of the test data (and of the training data when known).</param>
/// <param name="TestFingerprint">The identity of the test trajectories.</param>
/// <param name="Metrics">Everything measured.</param>
/// <param name="Seconds">Wall time of the evaluation.</param>
public sealed record EvaluationReport(string Checkpoint, string Model, int BasisSize, long ParameterCount, string Solver, long Iteration,
    string CheckpointDigest, string SystemFingerprint, string TestFingerprint, ModelMetrics Metrics, double Seconds);

/// <summary>Evaluates a checkpointed model on test datasets of the same system.</summary>
public static class CheckpointEvaluation
{
    /// <summary>Checks that the model belongs to the test data's system.</summary>
    /// <exception cref="TdhfInputException">Different systems (both fingerprints named) or basis sizes.</exception>
    public static void RequireSameSystem(CheckpointModel checkpoint, TestData test)
    {
        var testFingerprint = test.System.Fingerprint;
        if (checkpoint.SystemFingerprint is { } trained && trained != testFingerprint)
            throw new TdhfInputException(
                $"the checkpoint was trained on system {trained} but the test data hold system {testFingerprint} ({test.System.Name})", checkpoint.Folder, key: "--test");
        if (checkpoint.Progress.BasisSize != test.System.OrbitalCount)
            throw new TdhfInputException(
                $"the checkpoint's model acts on N = {checkpoint.Progress.BasisSize} orbitals but the test system {testFingerprint} has N = {test.System.OrbitalCount}",
                checkpoint.Folder, key: "--test");
    }

    /// <summary>Loads, checks and evaluates.</summary>
    /// <param name="checkpointFolder">A run folder or checkpoint folder.</param>
    /// <param name="testFolders">Dataset folders of the same system.</param>
    /// <param name="options">Evaluator settings; defaults when null.</param>
    /// <param name="cancellation">Checked between propagation steps.</param>
    /// <exception cref="TdhfInputException">Missing files, damaged checkpoint, or data of another system.</exception>
    public static EvaluationReport Run(string checkpointFolder, IReadOnlyList<string> testFolders, EvaluationOptions? options = null,
        CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        using var checkpoint = CheckpointModel.Load(checkpointFolder);
        using var test = TestData.Load(testFolders);
        return Evaluate(checkpoint, test, options, clock, cancellation);
    }

    /// <summary>Evaluates an already loaded checkpoint on loaded test data.</summary>
    /// <param name="checkpoint">The model.</param>
    /// <param name="test">The test data.</param>
    /// <param name="options">Evaluator settings; defaults when null.</param>
    /// <param name="clock">Started when the work began (for the reported seconds), or null.</param>
    /// <param name="cancellation">Checked between propagation steps.</param>
    public static EvaluationReport Evaluate(CheckpointModel checkpoint, TestData test, EvaluationOptions? options = null, Stopwatch? clock = null,
        CancellationToken cancellation = default)
    {
        clock ??= Stopwatch.StartNew();
        RequireSameSystem(checkpoint, test);
        var progress = checkpoint.Progress;
        using var evaluator = new ModelEvaluator(test.System, options);
        using var truth = ModelFactory.FromTrue(progress.ModelKind, test.System);
        var loss = progress.LossHistory.Count > 0 ? progress.LossHistory[^1] : (double?)null;
        var metrics = evaluator.Evaluate(checkpoint.Model, test.Sets, loss, truth, cancellation);
        return new EvaluationReport(checkpoint.Folder, progress.ModelKind.Name(), progress.BasisSize, progress.ParameterCount, progress.Solver,
            progress.Iteration, checkpoint.Digest, test.System.Fingerprint, test.Fingerprint, metrics, clock.Elapsed.TotalSeconds);
    }
}
