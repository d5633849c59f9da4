namespace TorchTdhf.Reporting;

/// <summary>The history of one training run.</summary>
/// <param name="Name">Legend text (run or model).</param>
/// <param name="Loss">Loss per recorded iteration.</param>
/// <param name="GradientNorm">‖Jᵀr‖ per recorded iteration, same length as <paramref name="Loss"/>; <c>null</c> when not recorded.</param>
/// <param name="Iterations">Iteration numbers of the records; <c>null</c> means 0, 1, 2, ….</param>
public sealed record TrainingCurve(string Name, double[] Loss, double[]? GradientNorm = null, double[]? Iterations = null)
{
    /// <summary>The iteration numbers, filled in as 0, 1, 2, … when not given.</summary>
    public double[] IterationAxis()
    {
        var iterations = Iterations ?? Enumerable.Range(0, Loss.Length).Select(i => (double)i).ToArray();
        if (iterations.Length != Loss.Length)
            throw new ArgumentException($"run '{Name}' has {iterations.Length} iteration numbers for {Loss.Length} losses");
        if (GradientNorm is not null && GradientNorm.Length != Loss.Length)
            throw new ArgumentException($"run '{Name}' has {GradientNorm.Length} gradient norms for {Loss.Length} losses");
        return iterations;
    }
}
