namespace TorchTdhf.Chemistry;

/// <summary>The SCF hit its iteration limit before meeting its thresholds; the message says how far it got and what to try.</summary>
public sealed class ScfNotConvergedException : TdhfInputException
{
    /// <summary>Creates the error from the iterations that were run.</summary>
    /// <param name="history">Every iteration, first to last (at least one).</param>
    /// <param name="options">The options the run used.</param>
    /// <param name="source">File the integrals came from, if any.</param>
    public ScfNotConvergedException(IReadOnlyList<RhfIteration> history, RhfOptions options, string? source = null)
        : base(Describe(history, options), source, key: nameof(RhfOptions.MaxIterations))
    {
        History = history.ToArray();
    }

    /// <summary>Every iteration that was run.</summary>
    public IReadOnlyList<RhfIteration> History { get; }

    /// <summary>The last iteration; its changes show how far from convergence the run stopped.</summary>
    public RhfIteration Last => History[^1];

    private static string Describe(IReadOnlyList<RhfIteration> history, RhfOptions options)
    {
        var last = history[^1];
        return $"the RHF SCF did not converge in {history.Count} iterations: last energy {last.Energy:F10} Eh, " +
               $"last ΔE = {last.EnergyChange:E2} Eh (threshold {options.EnergyThreshold:E1}), " +
               $"RMS density change {last.DensityChange:E2} (threshold {options.DensityThreshold:E1}), DIIS error {last.DiisError:E2}. " +
               $"Try more iterations (--max-iterations / MaxIterations, now {options.MaxIterations}), looser thresholds " +
               "(--energy-threshold / EnergyThreshold, --density-threshold / DensityThreshold), " +
               $"or a smaller DIIS history (--diis-size / DiisSize, now {options.DiisSize}).";
    }
}
