using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchTdhf.Chemistry;
using TorchTdhf.Cli.Output;
using TorchTdhf.Cli.Settings;
using TorchTdhf.Datasets;
using TorchTdhf.Dynamics;
using TorchTdhf.Dynamics.Generation;
using TorchTdhf.Dynamics.InitialConditions;
using TorchTdhf.Models;

namespace TorchTdhf.Cli.Commands;

/// <summary><c>tdhf generate</c>: ground-truth TDHF trajectories streamed into dataset folders.</summary>
public sealed class GenerateCommand : Command<GenerateSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, GenerateSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var jobs = Plan(settings).ToList();
        // Small systems are bound by per-operation overhead on the calling thread, so separate systems run side by side,
        // each on its share of the cores.
        var parallel = Math.Clamp(settings.Parallel ?? Environment.ProcessorCount, 1, jobs.Count);
        if (parallel > 1) TorchSharp.torch.set_num_threads(Math.Max(1, Environment.ProcessorCount / parallel));
        var reports = ProgressDisplay.Run(progress =>
        {
            var results = new DatasetReport[jobs.Count];
            Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
                i => results[i] = Run(jobs[i], progress, cancellationToken));
            return results;
        });
        var summary = new GenerateReport(reports, clock.Elapsed.TotalSeconds);
        if (settings.Json) JsonOutput.Print(summary);
        else Print(summary);
        return 0;
    }

    private sealed record Job(string Name, SystemSource? Source, Func<MolecularSystem> BuildSystem, Func<MolecularSystem, IReadOnlyList<TrajectoryBatch>> Batches, string Folder);

    private static IEnumerable<Job> Plan(GenerateSettings s)
    {
        var output = s.Out!;
        if (s.Preset is { } presetName)
        {
            if (s.Molecule is not null || s.SystemFile is not null)
                throw new TdhfInputException("give either --preset or --molecule/--basis/--system, not both", key: "--preset");
            var names = presetName.Equals("small", StringComparison.OrdinalIgnoreCase) ? PresetCatalog.Small : new[] { presetName };
            return names.Select(name => PresetCatalog.Get(name, s.Scale)).Select(p =>
                new Job(p.Name, p.System, p.System.Build, _ => p.Batches(), Path.Combine(output, p.Name))).ToList();
        }
        var field = Field.Parse(s.Field);
        var convention = s.PaperConvention ? DensityConvention.Paper : DensityConvention.Ours;
        var initial = InitialConditionParser.Parse(s.Initial, convention);
        Func<MolecularSystem> build = s.SystemFile is { } file
            ? () => AoIntegralsFile.ReadSystem(file, new AoIntegralsFileOptions { PaperConvention = s.PaperConvention })
            : () => new MolecularSystemBuilder().Build(s.RequireSystemSpec());
        return new[] { new Job("custom", null, build, system => new[] { CustomBatch(s, system, initial, field) }, output) };
    }

    private static TrajectoryBatch CustomBatch(GenerateSettings s, MolecularSystem system, InitialConditionSpec initial, Field field)
    {
        if (s.Ensemble is int count)
        {
            var members = Enumerable.Range(0, count).Select(i => new BatchMember($"{s.Role ?? "ensemble"}-{i:D4}", s.Role ?? "ensemble",
                new RandomEnsembleSpec(initial, s.Factor, s.Seed, count, i), field)).ToList();
            return new TrajectoryBatch(s.Role ?? "ensemble", members, s.Dt, s.Steps, s.Stride, s.Integrator, s.Seed);
        }
        using var densities = InitialDensities.Build(system, initial);
        var role = s.Role ?? "train";
        var single = densities.shape[0] == 1;
        var list = Enumerable.Range(0, (int)densities.shape[0]).Select(i => new BatchMember(single ? role : $"{role}-{i:D4}", role,
            initial is FileDensitySpec f && !single ? f.ForMember(i) : initial, field)).ToList();
        return new TrajectoryBatch(role, list, s.Dt, s.Steps, s.Stride, s.Integrator);
    }

    private static DatasetReport Run(Job job, ProgressContext? progress, CancellationToken cancellation)
    {
        using var system = job.BuildSystem();
        using var potential = new TruePotential(system.Eri);
        var generator = new TrajectoryGenerator(system, potential);
        var folder = DatasetFolder.OpenOrCreate(job.Folder);
        var batches = job.Batches(system);
        var tasks = batches.ToDictionary(b => b.Name, b => AddTask(progress, Label(job.Name, b.Name, 0), b.Steps));
        var reports = batches.Select(batch =>
        {
            var task = tasks[batch.Name];
            var pending = generator.Pending(folder, batch).Count;
            var clock = Stopwatch.StartNew();
            var written = generator.Run(folder, batch, new InlineProgress<GenerationProgress>(p =>
            {
                if (task is null) return;
                task.Value = p.Step;
                task.Description = Label(job.Name, batch.Name, p.TrajectoryStepsPerSecond);
            }), cancellation);
            if (task is not null) task.Value = task.MaxValue;
            var seconds = clock.Elapsed.TotalSeconds;
            return new BatchReport(batch.Name, batch.Members.Count, batch.Members.Count - pending, batch.Steps, batch.Stride, batch.Dt,
                batch.Integrator, seconds, written.Count > 0 && seconds > 0 ? written.Count * (double)batch.Steps / seconds : 0);
        }).ToList();
        return new DatasetReport(job.Name, job.Source?.Describe() ?? system.Name, Path.GetFullPath(job.Folder), system.Fingerprint,
            system.OrbitalCount, system.ElectronCount, reports);
    }

    // Spectre's progress context is shared by the parallel jobs.
    private static ProgressTask? AddTask(ProgressContext? progress, string label, long steps)
    {
        if (progress is null) return null;
        lock (progress) return progress.AddTask(label, maxValue: steps);
    }

    private static string Label(string job, string batch, double rate) =>
        Markup.Escape($"{job} {batch}") + (rate > 0 ? $" [grey]{rate:N0} traj-steps/s[/]" : "");

    private static void Print(GenerateReport report)
    {
        foreach (var d in report.Datasets)
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(d.Name)}[/] ({Markup.Escape(d.System)}, N = {d.NBasis}, {d.NElectrons} electrons) → {Markup.Escape(d.Path)}");
            foreach (var b in d.Batches)
            {
                var done = b.Skipped == b.Members ? "already complete" : $"{b.Seconds:F1} s, {b.TrajectoryStepsPerSecond:N0} trajectory-steps/s";
                AnsiConsole.WriteLine($"  {b.Name}: {b.Members} trajectories × {b.Steps} steps (dt {b.Dt}, every {b.Stride}th stored, {b.Integrator}): {done}");
            }
        }
        AnsiConsole.WriteLine($"Total {report.Seconds:F1} s");
    }

    private sealed record GenerateReport(IReadOnlyList<DatasetReport> Datasets, double Seconds);

    private sealed record DatasetReport(string Name, string System, string Path, string Fingerprint, int NBasis, int NElectrons,
        IReadOnlyList<BatchReport> Batches);

    private sealed record BatchReport(string Name, int Members, int Skipped, long Steps, int Stride, double Dt, string Integrator, double Seconds,
        double TrajectoryStepsPerSecond);
}
