using System.Globalization;
using System.Text.Json;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Reporting;

namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// Reads a completed run's metrics from its files: from <c>summary.json</c> the final and best test accuracy, the
/// final accuracy with the first k timesteps for every k, throughput and wall time; from each evaluation file its
/// accuracy, accuracy with the first k timesteps and early-exit accuracy and mean timesteps per θ; from each robustness
/// report its clean accuracy and every attack's robust accuracy per (attack, norm, ε). Accuracies become percent.
/// </summary>
internal static class SweepMetrics
{
    public const string SummaryFile = "summary.json";

    private const int SummarySection = 0;
    private const int EvaluationSection = 1;
    private const int RobustnessSection = 2;
    private const int CostSection = 3;

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
        values[new(SummaryFile, "", 0, "train_samples_per_second", "training throughput", MetricUnit.SamplesPerSecond, CostSection, 0, 0)] = summary.TrainSamplesPerSecond;
        values[new(SummaryFile, "", 0, "wall_seconds", "wall time", MetricUnit.Seconds, CostSection, 1, 0)] = summary.WallSeconds;
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
            var metric = new SweepMetric(file, checkpoint, attack.Samples, name, $"robust accuracy, {attack.Name} {budget}", MetricUnit.Percent, RobustnessSection, 1, 0);
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
