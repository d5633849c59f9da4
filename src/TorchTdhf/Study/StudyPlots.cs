using System.Numerics;
using TorchTdhf.Dynamics.Generation;
using TorchTdhf.IO;
using TorchTdhf.Reporting;

namespace TorchTdhf.Study;

/// <summary>The plotted data of one system: ground truth and each model's evaluation files.</summary>
/// <param name="System">The system's results.</param>
/// <param name="TrueTimes">Field-on test sample times: [T], atomic units.</param>
/// <param name="TrueDensities">Field-on test densities: [T·N·N] complex128 (row-major [T, N, N]), orthonormal basis.</param>
/// <param name="TrueKick">The true potential's kick response.</param>
/// <param name="Models">Each model's evaluation files, in the order of <see cref="SystemResults.Models"/>.</param>
public sealed record SystemPlotData(SystemResults System, double[] TrueTimes, Complex[] TrueDensities, KickResponse TrueKick, IReadOnlyList<ModelEvaluationFiles> Models);

/// <summary>
/// The PNG figures of one system and, next to them, the arrays they show (<c>arrays/SYSTEM-*.npz</c>, readable by
/// <c>numpy.load</c>): the two off-diagonal density elements that vary most in the true field-on test, log-scale propagation error, induced dipole, absorption spectrum, training curves.
/// The crowded figures (densities, dipole, spectrum) show the models trained on trajectory + ensemble and the
/// comparison models; the error and training-curve figures show every model.
/// </summary>
public static class StudyPlots
{
    /// <summary>Writes the figures and arrays of <paramref name="data"/>; returns the PNG paths.</summary>
    public static IReadOnlyList<string> Write(StudyLayout layout, SystemPlotData data)
    {
        Directory.CreateDirectory(layout.Plots);
        Directory.CreateDirectory(layout.Arrays);
        var name = data.System.Name;
        var n = data.System.BasisSize;
        var models = data.System.Models.Zip(data.Models, (result, files) => (Result: result, Files: files)).ToList();
        var shown = models.Where(m => m.Result.Recipe.TrainingSet == StudyRecipes.TrajectoryAndEnsemble || m.Result.Recipe.Solver != Training.Runs.SolverKind.Lsmr).ToList();
        var paths = new List<string>();
        string Png(string what) => Path.Combine(layout.Plots, $"{name}-{what}.png");
        string Arrays(string what) => Path.Combine(layout.Arrays, $"{name}-{what}.npz");

        var truth = new DensityTrajectory("TDHF (true)", data.TrueTimes, data.TrueDensities, n);
        var learned = shown.Select(m => new DensityTrajectory(m.Result.Label, data.TrueTimes, m.Files.FieldOnDensities, n)).ToList();
        var elements = MostVarying(data.TrueDensities, data.TrueTimes.Length, n, count: 2);
        DensityElementPlot.Save(Png("density-elements"), $"{name}: density-matrix elements, field-on test", truth, learned, elements);
        Npz.Write(Arrays("density-elements"), new[] { Entry("time", data.TrueTimes), Entry("true", data.TrueDensities, data.TrueTimes.Length, n, n) }
            .Concat(shown.Select(m => Entry(Key(m.Result.Label), m.Files.FieldOnDensities, data.TrueTimes.Length, n, n))));
        paths.Add(Png("density-elements"));

        foreach (var role in new[] { ProtocolPreset.FieldOnTestRole, ProtocolPreset.FieldFreeTestRole })
        {
            var errors = models.Select(m => Run(m.Files, role) is { } run ? new LineSeries(m.Result.Label, run.Times, run.DensityError) : null).OfType<LineSeries>().ToList();
            if (errors.Count == 0) continue;
            var what = $"propagation-error-{role}";
            PropagationErrorPlot.Save(Png(what), $"{name}: propagation error, {role}", errors);
            Npz.Write(Arrays(what), new[] { Entry("time", errors[0].X) }.Concat(errors.Select(e => Entry(Key(e.Name), e.Y))));
            paths.Add(Png(what));
        }

        if (shown.Select(m => Run(m.Files, ProtocolPreset.FieldOnTestRole)).FirstOrDefault() is { } reference)
        {
            var dipoles = shown.Select(m => Run(m.Files, ProtocolPreset.FieldOnTestRole) is { } r ? new LineSeries(m.Result.Label, r.Times, r.DipoleModel) : null)
                .OfType<LineSeries>().ToList();
            InducedDipolePlot.Save(Png("induced-dipole"), $"{name}: induced dipole, field-on test", new LineSeries("TDHF (true)", reference.Times, reference.DipoleTrue), dipoles);
            Npz.Write(Arrays("induced-dipole"), new[] { Entry("time", reference.Times), Entry("true", reference.DipoleTrue) }.Concat(dipoles.Select(d => Entry(Key(d.Name), d.Y))));
            paths.Add(Png("induced-dipole"));
        }

        var spectra = shown.Select(m => new LineSeries(m.Result.Label, m.Files.Kick.Spectrum.Frequencies, m.Files.Kick.Spectrum.Intensity)).ToList();
        var trueSpectrum = new LineSeries("TDHF (true)", data.TrueKick.Spectrum.Frequencies, data.TrueKick.Spectrum.Intensity);
        AbsorptionSpectrumPlot.Save(Png("spectrum"), $"{name}: absorption spectrum (δ kick κ = {KickResponse.Strength} along z)", trueSpectrum, spectra, maxEnergyEv: 40);
        Npz.Write(Arrays("spectrum"), new[] { Entry("frequency_hartree", trueSpectrum.X), Entry("true", trueSpectrum.Y), Entry("true_dipole_z", data.TrueKick.Dipole),
            Entry("kick_time", data.TrueKick.Times) }.Concat(spectra.Select(s => Entry(Key(s.Name), s.Y))));
        paths.Add(Png("spectrum"));

        var curves = models.Select(m => new TrainingCurve(m.Result.Label, m.Result.Training.LossHistory.ToArray())).Where(c => c.Loss.Length > 0).ToList();
        if (curves.Count > 0)
        {
            TrainingCurvePlot.Save(Png("training-curves"), $"{name}: training loss", curves);
            Npz.Write(Arrays("training-curves"), curves.Select(c => Entry(Key(c.Name), c.Loss)));
            paths.Add(Png("training-curves"));
        }
        return paths;
    }

    // The off-diagonal elements (i < j) whose true value changes most over the test: the diagonal of Im P is zero, and
    // a quiet element shows nothing of the models' differences.
    private static IReadOnlyList<DensityElement> MostVarying(Complex[] densities, int samples, int n, int count)
    {
        if (n < 2) return new[] { new DensityElement(0, 0) };
        var pairs = from i in Enumerable.Range(0, n) from j in Enumerable.Range(i + 1, n - i - 1) select new DensityElement(i, j);
        double Range(DensityElement e) =>
            Enumerable.Range(0, samples).Max(t => Complex.Abs(densities[(t * n + e.Row) * n + e.Column] - densities[e.Row * n + e.Column]));
        return pairs.OrderByDescending(Range).ThenBy(e => e.Row).ThenBy(e => e.Column).Take(count).ToList();
    }

    private static Evaluation.PropagationMetrics? Run(ModelEvaluationFiles files, string role) =>
        files.Report.Metrics.TestSets.FirstOrDefault(s => s.Name == role)?.Propagation.FirstOrDefault();

    // npz keys are file names inside a zip: keep them plain.
    private static string Key(string label) => new(label.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    private static KeyValuePair<string, NpyArray> Entry(string key, double[] values) => new(key, NpyArray.Of(values, values.Length));

    private static KeyValuePair<string, NpyArray> Entry(string key, Complex[] values, params long[] shape) => new(key, NpyArray.Of(values, shape));
}
