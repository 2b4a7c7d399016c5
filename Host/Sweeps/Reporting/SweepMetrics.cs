using System.Globalization;
using System.Text.Json;
using Neuromorph.Abstractions;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// Reads a completed run's metrics from its files: from <c>summary.json</c> the final and best test accuracy, the
/// final accuracy with the first k timesteps for every k, throughput and wall time; from each evaluation file its
/// accuracy, accuracy with the first k timesteps and early-exit accuracy and mean timesteps per θ; from each robustness
/// report its clean accuracy and every attack's robust accuracy per (attack, norm, ε). Accuracies become percent.
/// Runs that recorded them also give their firing rates (test and training, mean over layers and timesteps, and per
/// layer on the test set), the shares of iterations in which each timestep was strong and weak (distilling runs), and
/// from evaluations the synaptic operations per sample.
/// </summary>
internal static class SweepMetrics
{
    public const string SummaryFile = "summary.json";
    public const string TestFiringRate = "test_firing_rate";

    private const int SummarySection = 0;
    private const int EvaluationSection = 1;
    private const int RobustnessSection = 2;
    private const int SpikingSection = 3;
    private const int CostSection = 4;

    /// <exception cref="SweepException">A file does not read, or lacks a figure the report needs (exit 3, naming it).</exception>
    public static RunMetrics Read(RunDirectory directory, PlannedRun run, RunSummary summary, ReportFiles files)
    {
        var values = new Dictionary<SweepMetric, double>();
        var notes = new List<string>();
        FromSummary(summary, directory.SummaryPath, values);
        foreach (var file in files.Evaluations)
        {
            var path = Path.GetFullPath(file, directory.Path);
            if (File.Exists(path)) FromEvaluation(ReadFile(path, EvaluationReport.Read, "an evaluation report", "eval"), file, path, values);
        }
        foreach (var file in files.Robustness)
        {
            var path = Path.GetFullPath(file, directory.Path);
            if (File.Exists(path)) FromRobustness(ReadFile(path, RobustnessReport.Read, "a robustness report", "attack"), file, path, values, notes);
        }
        return new RunMetrics(run, values, notes);
    }

    private static void FromSummary(RunSummary summary, string path, Dictionary<SweepMetric, double> values)
    {
        values[new(SummaryFile, "", 0, "test_accuracy", "final test accuracy", MetricUnit.Percent, SummarySection, 0, 0)] = 100 * summary.TestAccuracy;
        values[new(SummaryFile, "", 0, "best_test_accuracy", "best test accuracy", MetricUnit.Percent, SummarySection, 1, 0)] = 100 * summary.BestTestAccuracy;
        var atTimesteps = Required(summary.TestAccuracyAtTimesteps, path, "test_accuracy_at_timesteps");
        for (var k = 1; k <= atTimesteps.Length; k++)
            values[new(SummaryFile, "", 0, $"test_accuracy_k{k}", $"final accuracy, k = {k}", MetricUnit.Percent, SummarySection, 2, k)] = 100 * atTimesteps[k - 1];
        FromFiring(summary, values);
        FromSelections(summary, values);
        values[new(SummaryFile, "", 0, "train_samples_per_second", "training throughput", MetricUnit.SamplesPerSecond, CostSection, 0, 0)] = summary.TrainSamplesPerSecond;
        values[new(SummaryFile, "", 0, "wall_seconds", "wall time", MetricUnit.Seconds, CostSection, 1, 0)] = summary.WallSeconds;
    }

    /// <summary>The firing rates of the last epoch: means over layers and timesteps, then each layer's on the test set.</summary>
    private static void FromFiring(RunSummary summary, Dictionary<SweepMetric, double> values)
    {
        if (summary.TestFiringRates.Count > 0)
            values[new(SummaryFile, "", 0, TestFiringRate, "test firing rate", MetricUnit.SpikeRate, SpikingSection, 2, 0)] = MeanRate(summary.TestFiringRates.Values);
        if (summary.FiringRates.Count > 0)
            values[new(SummaryFile, "", 0, "train_firing_rate", "training firing rate", MetricUnit.SpikeRate, SpikingSection, 3, 0)] = MeanRate(summary.FiringRates.Values);
        var index = 0;
        foreach (var (layer, rates) in summary.TestFiringRates)
            values[new(SummaryFile, "", 0, $"test_firing_rate:{layer}", $"test firing rate, {layer}", MetricUnit.SpikeRate, SpikingSection, 4, index++)] = MeanRate([rates]);
    }

    /// <summary>
    /// The share of the run's iterations (percent) in which timestep t was the strong one and the weak one, from the
    /// scheme's <c>strong_counts</c> and <c>weak_counts</c> summed over the run.
    /// </summary>
    private static void FromSelections(RunSummary summary, Dictionary<SweepMetric, double> values)
    {
        foreach (var (diagnostic, role, rank) in new[] { ("strong_counts", "strong", 0), ("weak_counts", "weak", 1) })
        {
            if (!summary.Diagnostics.TryGetValue(diagnostic, out var counts)) continue;
            var total = counts.Sum();
            if (!(total > 0)) continue;
            for (var t = 1; t <= counts.Length; t++)
                values[new(SummaryFile, "", 0, $"{role}_share_t{t}", $"{role} share of iterations, t = {t}", MetricUnit.Percent, SpikingSection, rank, t)] =
                    100 * counts[t - 1] / total;
        }
    }

    private static double MeanRate(IEnumerable<double[]> layers)
    {
        var rates = layers.SelectMany(r => r).ToArray();
        return rates.Length == 0 ? 0 : rates.Average();
    }

    private static void FromEvaluation(EvaluationReport report, string file, string path, Dictionary<SweepMetric, double> values)
    {
        var checkpoint = Required(report.Checkpoint, path, "checkpoint");
        values[new(file, checkpoint, report.Samples, "test_accuracy", "accuracy", MetricUnit.Percent, EvaluationSection, 0, 0)] = 100 * report.TestAccuracy;
        var atTimesteps = Required(report.TestAccuracyAtTimesteps, path, "test_accuracy_at_timesteps");
        for (var k = 1; k <= atTimesteps.Length; k++)
            values[new(file, checkpoint, report.Samples, $"test_accuracy_k{k}", $"accuracy, k = {k}", MetricUnit.Percent, EvaluationSection, 2, k)] = 100 * atTimesteps[k - 1];
        foreach (var exit in Required(report.EarlyExit, path, "early_exit"))
        {
            var theta = exit.Threshold.ToString("R", CultureInfo.InvariantCulture);
            values[new(file, checkpoint, report.Samples, $"early_exit_accuracy@{theta}", $"early-exit accuracy, θ = {theta}", MetricUnit.Percent, EvaluationSection, 3, exit.Threshold)] =
                100 * exit.Accuracy;
            values[new(file, checkpoint, report.Samples, $"early_exit_timesteps@{theta}", $"early-exit mean timesteps, θ = {theta}", MetricUnit.Timesteps, EvaluationSection, 4, exit.Threshold)] =
                exit.MeanTimesteps;
        }
        if (report.TestFiringRates.Count > 0)
            values[new(file, checkpoint, report.Samples, "synops_per_sample", "synaptic operations per sample", MetricUnit.SynapticOperations, SpikingSection, 5, 0)] =
                report.SynopsPerSample;
    }

    private static void FromRobustness(RobustnessReport report, string file, string path, Dictionary<SweepMetric, double> values, List<string> notes)
    {
        var checkpoint = Required(report.Checkpoint, path, "checkpoint");
        values[new(file, checkpoint, report.Samples, "clean_accuracy", "clean accuracy", MetricUnit.Percent, RobustnessSection, 0, 0)] = 100 * report.CleanAccuracy;
        foreach (var attack in Required(report.Attacks, path, "attacks"))
        {
            var budget = RobustnessTable.Budget(attack.Norm, attack.Epsilon);
            if (attack.Error is not null)
            {
                notes.Add($"{attack.Name} {budget} failed in {file} ({attack.Error}): left out");
                continue;
            }
            var name = $"attack_accuracy:{attack.Name}:{budget.Replace(' ', ':')}";
            var attacked = attack.Epsilon is { } epsilon && attack.Norm != PerturbationNorm.Other ? new AttackBudget(attack.Name, attack.Norm, epsilon) : null;
            var metric = new SweepMetric(file, checkpoint, attack.Samples, name, $"robust accuracy, {attack.Name} {budget}", MetricUnit.Percent, RobustnessSection, 1, 0, attacked);
            // The same attack and budget twice in one report (other options): each keeps its place in the file.
            for (var copy = 2; values.ContainsKey(metric); copy++)
                metric = metric with { Name = $"{name}#{copy}", Label = $"robust accuracy, {attack.Name} {budget} (#{copy})" };
            values[metric] = 100 * attack.Accuracy;
        }
    }

    private static T ReadFile<T>(string path, Func<string, T> read, string what, string command)
    {
        try
        {
            return read(path);
        }
        catch (JsonException e)
        {
            throw new SweepException(
                $"'{path}' is not {what} ({e.Message}). The file is corrupt: run '{command}' on the run again to rewrite it, or delete it.",
                ExitCodes.DataError, e);
        }
    }

    private static T Required<T>(T? value, string path, string field) where T : class =>
        value ?? throw new SweepException(
            $"'{path}' has no '{field}': the file is corrupt or from another program; rewrite it (or delete it) and report again.", ExitCodes.DataError);
}
