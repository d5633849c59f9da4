namespace TorchTdhf.Reporting;

/// <summary>How far a model trajectory strays from the true one.</summary>
public static class DensityError
{
    /// <summary>
    /// max_ij |P_model(t)_ij − P_true(t)_ij| for every time point; both trajectories must share basis size and step
    /// count (their time grids are assumed equal). NaN in either density gives NaN at that time.
    /// </summary>
    public static double[] MaxAbsPerStep(DensityTrajectory truth, DensityTrajectory model)
    {
        truth.Validate();
        model.Validate();
        if (truth.BasisSize != model.BasisSize || truth.Steps != model.Steps)
            throw new ArgumentException(
                $"'{model.Name}' has {model.Steps} steps of N = {model.BasisSize}, the truth {truth.Steps} of N = {truth.BasisSize}");
        var perStep = truth.BasisSize * truth.BasisSize;
        var errors = new double[truth.Steps];
        for (var t = 0; t < truth.Steps; t++)
        {
            var worst = 0.0;
            // Math.Max propagates NaN, so a blown-up step stays visible instead of being hidden by finite elements.
            for (var k = (long)t * perStep; k < (long)(t + 1) * perStep; k++)
                worst = Math.Max(worst, (model.Elements[k] - truth.Elements[k]).Magnitude);
            errors[t] = worst;
        }
        return errors;
    }
}
