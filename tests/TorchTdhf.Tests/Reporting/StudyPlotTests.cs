using System.Numerics;
using TorchTdhf.Reporting;

namespace TorchTdhf.Tests.Reporting;

public class StudyPlotTests
{
    private const int N = 3;
    private static readonly double[] Times = Enumerable.Range(0, 120).Select(t => 0.2 * t).ToArray();

    private static DensityTrajectory Trajectory(string name, double detuning)
    {
        var elements = new Complex[Times.Length * N * N];
        for (var t = 0; t < Times.Length; t++)
        for (var i = 0; i < N; i++)
        for (var j = 0; j < N; j++)
            elements[(t * N + i) * N + j] = i == j ? 2.0 / (i + 1) : Complex.FromPolarCoordinates(0.1, (1 + detuning) * (i - j) * Times[t]);
        return new DensityTrajectory(name, Times, elements, N);
    }

    [Fact]
    public void Density_elements_form_a_grid_of_real_and_imaginary_panels()
    {
        using var folder = new TempFolder();
        var truth = Trajectory("true", 0);
        var models = new[] { Trajectory("Tied", 0.01), Trajectory("Herm", 0.03) };
        DensityElement[] elements = [new(0, 1), new(1, 2)];

        var panels = DensityElementPlot.Panels(truth, models, elements, ComplexParts.Both, TimeUnit.Femtoseconds);
        Assert.Equal(["Re P[0,1]", "Im P[0,1]", "Re P[1,2]", "Im P[1,2]"], panels.Select(p => p.Title));
        Assert.All(panels, p => Assert.Equal("Time (fs)", p.XLabel));
        Assert.Equal(PlotStyle.Reference, panels[0].Series[0].Style);
        Assert.Equal(Times[^1] * 0.02418884, panels[0].Series[0].X[^1], 6);
        Assert.Equal(truth.Element(1, 2)[7].Imaginary, panels[3].Series[0].Y[7]);

        var path = folder.File("density.png");
        DensityElementPlot.Save(path, "HeH+ density", truth, models, elements);
        PngImages.AssertPng(path, 1000, 640);
        PngImages.AssertTextDrawn("HeH+ density", panels, 2, FigureSize.ForRows(2));

        Assert.Single(DensityElementPlot.Panels(truth, models, [new(0, 1)], ComplexParts.Imaginary));
        Assert.Throws<ArgumentOutOfRangeException>(() => DensityElementPlot.Panels(truth, models, [new(0, N)]));
    }

    [Fact]
    public void Max_abs_error_per_step_is_the_largest_element_deviation()
    {
        var truth = Trajectory("true", 0);
        var model = truth with { Elements = (Complex[])truth.Elements.Clone() };
        model.Elements[(5 * N + 2) * N + 1] += new Complex(3e-4, -4e-4);
        model.Elements[(9 * N + 0) * N + 0] = double.NaN;
        var errors = DensityError.MaxAbsPerStep(truth, model);
        Assert.Equal(Times.Length, errors.Length);
        Assert.Equal(5e-4, errors[5], 12);
        Assert.True(double.IsNaN(errors[9]));
        Assert.Equal(0, errors[0]);
        Assert.Throws<ArgumentException>(() => DensityError.MaxAbsPerStep(truth, truth with { Times = Times[..10] }));
    }

    [Fact]
    public void Propagation_errors_are_drawn_on_a_log_axis_with_zeros_and_blow_ups()
    {
        using var folder = new TempFolder();
        var errors = new[]
        {
            new LineSeries("Tied", Times, Times.Select(t => 1e-9 * Math.Exp(t / 4)).ToArray()),
            new LineSeries("exact", Times, Times.Select(_ => 0.0).ToArray()),
            new LineSeries("blows up", Times, Times.Select(t => t < 10 ? 1e-6 * t : double.PositiveInfinity).ToArray()),
        };
        var panel = PropagationErrorPlot.Panel("Propagation error", errors);
        Assert.Equal(AxisScale.Log10, panel.YScale);
        Assert.Equal(PropagationErrorPlot.ZeroFloor, panel.LogFloor);
        var path = folder.File("error.png");
        PropagationErrorPlot.Save(path, "Propagation error", errors, TimeUnit.Femtoseconds);
        PngImages.AssertPng(path, 1000, 600);
        PngImages.AssertTextDrawn("", [panel], 1, FigureSize.Default);
    }

    [Fact]
    public void Induced_dipole_puts_the_truth_first_in_the_reference_style()
    {
        using var folder = new TempFolder();
        var truth = new LineSeries("true", Times, Times.Select(t => 0.01 * Math.Sin(t)).ToArray());
        var models = new[] { new LineSeries("Symm", Times, Times.Select(t => 0.01 * Math.Sin(1.02 * t)).ToArray()) };
        var panel = InducedDipolePlot.Panel("Dipole", truth, models);
        Assert.Equal(["true", "Symm"], panel.Series.Select(s => s.Name));
        Assert.Equal(PlotStyle.Reference, panel.Series[0].Style);
        Assert.Null(panel.Series[1].Style);
        Assert.Equal(InducedDipolePlot.DipoleLabel, panel.YLabel);
        var path = folder.File("dipole.png");
        InducedDipolePlot.Save(path, "Dipole", truth, models, size: new FigureSize(800, 500));
        PngImages.AssertPng(path, 800, 500);
        PngImages.AssertTextDrawn("", [panel], 1, FigureSize.Default);
    }

    [Fact]
    public void Spectrum_energies_are_converted_to_electron_volts_and_cut_at_the_maximum()
    {
        using var folder = new TempFolder();
        var omega = Enumerable.Range(0, 400).Select(k => 0.005 * k).ToArray();
        var truth = new LineSeries("true", omega, omega.Select(w => 1 / (1 + Math.Pow((w - 0.9) / 0.02, 2))).ToArray());
        var learned = new LineSeries("learned", omega, omega.Select(w => 1 / (1 + Math.Pow((w - 0.91) / 0.02, 2))).ToArray());
        var panel = AbsorptionSpectrumPlot.Panel("Spectrum", truth, [learned], maxEnergyEv: 30);
        Assert.Equal("Energy (eV)", panel.XLabel);
        Assert.All(panel.Series, s => Assert.True(s.X.Max() <= 30));
        Assert.Equal(0.005 * 27.211386, panel.Series[0].X[1], 6);
        Assert.Equal(truth.Y[1], panel.Series[0].Y[1]);
        var path = folder.File("spectrum.png");
        AbsorptionSpectrumPlot.Save(path, "Spectrum", truth, [learned]);
        PngImages.AssertPng(path, 1000, 600);
        PngImages.AssertTextDrawn("", [panel], 1, FigureSize.Default);
    }

    [Fact]
    public void Training_curves_get_a_gradient_panel_only_when_recorded()
    {
        using var folder = new TempFolder();
        var iterations = Enumerable.Range(1, 50).Select(i => (double)i).ToArray();
        var withGradient = new TrainingCurve("LM", iterations.Select(i => Math.Exp(-i / 3)).ToArray(),
            iterations.Select(i => Math.Exp(-i / 5)).ToArray(), iterations);
        var lossOnly = new TrainingCurve("Adam", iterations.Select(i => 1 / i).ToArray());

        Assert.Single(TrainingCurvePlot.Panels("Training", [lossOnly]));
        var panels = TrainingCurvePlot.Panels("Training", [withGradient, lossOnly]);
        Assert.Equal(2, panels.Count);
        Assert.All(panels, p => Assert.Equal(AxisScale.Log10, p.YScale));
        Assert.Empty(panels[1].Series[1].Y);

        var path = folder.File("training.png");
        TrainingCurvePlot.Save(path, "Training", [withGradient, lossOnly]);
        PngImages.AssertPng(path, 1000, 900);
        PngImages.AssertTextDrawn("Training", panels, 1, new FigureSize(1000, 900));
        TrainingCurvePlot.Save(path, "Training", [lossOnly]);
        PngImages.AssertPng(path, 1000, 600);
        Assert.Throws<ArgumentException>(() => TrainingCurvePlot.Panels("t", [lossOnly with { GradientNorm = [1.0] }]));
    }
}
