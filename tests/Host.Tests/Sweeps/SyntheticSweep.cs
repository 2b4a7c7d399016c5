using System.Globalization;
using Neuromorph.Abstractions;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Reporting;
using Neuromorph.Host.Sweeps;
using Neuromorph.Host.Tests.Plugins;

namespace Neuromorph.Host.Tests.Sweeps;

/// <summary>
/// A sweep directory written by hand in a temporary folder: a plan of <c>scheme=...,seed=...</c> runs and, for the
/// runs a test completes, a summary.json (and evaluation and robustness files) with chosen values. No training.
/// </summary>
internal sealed class SyntheticSweep : IDisposable
{
    public const string Scheme = "distillation.scheme";

    private readonly TemporaryDirectory temporary = new();

    /// <param name="runs">The runs as (scheme, seed), in plan order; a null seed makes a run without <c>run.seed</c>.</param>
    /// <param name="baseline">The plan's baseline scheme, or null for none.</param>
    /// <param name="after">The plan's after-steps.</param>
    public SyntheticSweep(IEnumerable<(string Scheme, long? Seed)> runs, string? baseline = "none", IReadOnlyList<AfterStep>? after = null)
    {
        Directory = new SweepDirectory(temporary.Folder("sweep"));
        var planned = runs.Select((run, index) => new PlannedRun(
            index,
            run.Seed is { } seed ? $"scheme={run.Scheme},seed={seed}" : $"scheme={run.Scheme}",
            $"scheme={run.Scheme}",
            run.Seed is { } s
                ? new Dictionary<string, string> { [Scheme] = $"\"{run.Scheme}\"", [SweepExpansion.SeedKey] = s.ToString(CultureInfo.InvariantCulture) }
                : new Dictionary<string, string> { [Scheme] = $"\"{run.Scheme}\"" })).ToArray();
        Plan = new SweepPlan(
            SweepPlan.CurrentFormat, "synthetic", System.IO.Path.Combine(temporary.Path, "sweep.toml"), System.IO.Path.Combine(temporary.Path, "base.toml"),
            ["run.epochs=2", "model.timesteps=2"],
            baseline is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [Scheme] = $"\"{baseline}\"" },
            [Scheme, SweepExpansion.SeedKey], after ?? [], planned);
        Plan.Write(Directory.PlanPath);
    }

    /// <summary>A sweep of every scheme × every seed, seeds varying slowest (as <c>sweep run</c> plans it).</summary>
    public static SyntheticSweep Grid(string[] schemes, long[] seeds, string? baseline = "none", IReadOnlyList<AfterStep>? after = null) =>
        new(seeds.SelectMany(seed => schemes.Select(scheme => (scheme, (long?)seed))), baseline, after);

    public SweepDirectory Directory { get; }

    public SweepPlan Plan { get; }

    public string Path => Directory.Path;

    public RunDirectory RunDirectory(string scheme, long? seed) => Directory.Run(RunNameOf(scheme, seed));

    /// <summary>Completes a run: its summary (accuracies in [0, 1]) and, when the plan has after-steps, its task's outcome.</summary>
    public void Complete(string scheme, long? seed, double accuracy, double? best = null, double[]? atTimesteps = null, double throughput = 1000, double wall = 60)
    {
        var directory = RunDirectory(scheme, seed);
        directory.WriteConfig("[run]\n");
        directory.WriteSummary(Summary(scheme, seed, accuracy, best ?? accuracy, atTimesteps ?? [accuracy / 2, accuracy], throughput, wall, completed: true));
        if (Plan.After.Count > 0)
            Outcome(scheme, seed, TaskOutcome.Completed, 0, null);
    }

    /// <summary>A run whose task failed with <paramref name="error"/>.</summary>
    public void Fail(string scheme, long? seed, string error)
    {
        RunDirectory(scheme, seed).WriteConfig("[run]\n");
        Outcome(scheme, seed, TaskOutcome.Failed, 1, error);
    }

    /// <summary>A run stopped after its first epoch (a summary that is not completed).</summary>
    public void Interrupt(string scheme, long? seed)
    {
        var directory = RunDirectory(scheme, seed);
        directory.WriteConfig("[run]\n");
        directory.WriteSummary(Summary(scheme, seed, 0.5, 0.5, [0.25, 0.5], 1000, 30, completed: false));
        Outcome(scheme, seed, TaskOutcome.Interrupted, 130, null);
    }

    /// <summary>Adds firing rates (layer → [T]) and the scheme's diagnostics to a completed run's summary.</summary>
    public void RecordSpiking(
        string scheme, long? seed, Dictionary<string, double[]> testRates, Dictionary<string, double[]> trainRates, Dictionary<string, double[]> diagnostics)
    {
        var directory = RunDirectory(scheme, seed);
        directory.WriteSummary(directory.ReadSummary()! with { TestFiringRates = testRates, FiringRates = trainRates, Diagnostics = diagnostics });
    }

    /// <summary>Writes <c>evaluation.json</c> with test firing rates and <paramref name="synops"/> synaptic operations per sample.</summary>
    public void EvaluateSpiking(string scheme, long? seed, double accuracy, Dictionary<string, double[]> testRates, double synops) =>
        new EvaluationReport("last.ckpt", 500, accuracy, [accuracy, accuracy], 2, [])
            { TestFiringRates = testRates, SynopsPerSample = synops }
            .Write(RunDirectory(scheme, seed), null);

    /// <summary>Writes <c>evaluation.json</c> in a run: accuracy, accuracy with the first k timesteps, early exit at θ = 0.9.</summary>
    public void Evaluate(string scheme, long? seed, double accuracy, double firstTimestep, double earlyExitAccuracy, double meanTimesteps) =>
        new EvaluationReport("best.ckpt", 500, accuracy, [firstTimestep, accuracy], 2, [new EarlyExitReport(0.9, earlyExitAccuracy, meanTimesteps)])
            .Write(RunDirectory(scheme, seed), null);

    /// <summary>Writes <c>robustness.json</c> in a run: FGSM at L∞ 8/255 and a PGD attack that failed.</summary>
    public void Attack(string scheme, long? seed, double clean, double fgsm) =>
        new RobustnessReport("best.ckpt", 100, 2, 200, clean,
            [
                new AttackReport("fgsm", PerturbationNorm.Linf, 8.0 / 255, "atan", new Dictionary<string, object?>(), 200, fgsm, 1.0, 8.0 / 255, 1, 1, null),
                new AttackReport("pgd", PerturbationNorm.Linf, 8.0 / 255, "atan", new Dictionary<string, object?>(), 40, 0.1, 1.0, 8.0 / 255, 1, 1, "out of memory"),
            ],
            []).Write(System.IO.Path.Combine(RunDirectory(scheme, seed).Path, RobustnessReport.FileName));

    public void Dispose() => temporary.Dispose();

    private void Outcome(string scheme, long? seed, string state, int code, string? error) =>
        new TaskOutcome(state, code, error, "node1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, Plan.After.Select(a => a.ToString()).ToArray())
            .Write(Directory.Task(RunNameOf(scheme, seed)));

    private static RunSummary Summary(string scheme, long? seed, double accuracy, double best, double[] atTimesteps, double throughput, double wall, bool completed) =>
        new("embedded-fashion-mnist", "csnn", "lif", scheme, atTimesteps.Length, 2, completed ? 2 : 1, completed, seed ?? 0, 1000,
            accuracy, atTimesteps, best, 2, throughput, wall, new Dictionary<string, double[]>());

    private static string RunNameOf(string scheme, long? seed) => seed is { } s ? $"scheme={scheme},seed={s}" : $"scheme={scheme}";
}
