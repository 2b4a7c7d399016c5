using System.Text;

namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// <c>results.md</c>: what the sweep ran, a summary table (group × key metrics), the key metrics against the baseline,
/// then one table per metric with every figure; a "—" has a footnote saying why. The overview (everything before the
/// per-metric tables) is what <c>sweep report</c> prints.
/// </summary>
internal static class ResultsMarkdown
{
    /// <summary>The summary's metrics: names in <c>summary.json</c>, which every completed run has.</summary>
    private static readonly string[] KeyMetrics =
        ["test_accuracy", "best_test_accuracy", "test_accuracy_k1", SweepMetrics.TestFiringRate, "train_samples_per_second"];

    private const string NoValue = "no completed run of the group has this metric";

    public static string Document(SweepResults results) => Write(results, details: true);

    public static string Overview(SweepResults results) => Write(results, details: false);

    private static string Write(SweepResults results, bool details)
    {
        var footnotes = new Footnotes();
        var text = new StringBuilder();
        Header(text, results);
        Summary(text, results, footnotes);
        AgainstBaseline(text, results, footnotes);
        if (details)
        {
            AllMetrics(text, results, footnotes);
            Notes(text, results);
        }
        var lines = footnotes.Lines().ToArray();
        if (lines.Length > 0) text.AppendLine().AppendJoin('\n', lines).AppendLine();
        return text.ToString();
    }

    private static void Header(StringBuilder text, SweepResults results)
    {
        var plan = results.Plan;
        var planned = plan.Runs.Count;
        var completed = planned - results.Missing.Count;
        text.AppendLine($"# Sweep `{plan.Name}`").AppendLine();
        // As the sweep file names it (relative to the sweep file's folder), so a report names no machine's paths.
        var basePath = Path.GetRelativePath(Path.GetDirectoryName(plan.SweepFile)!, plan.Base).Replace('\\', '/');
        text.AppendLine($"- Sweep file: `{Path.GetFileName(plan.SweepFile)}`; base configuration: `{basePath}` (relative to the sweep file)");
        text.AppendLine($"- Every run (`[set]`): {(plan.Set.Count == 0 ? "nothing" : string.Join(", ", plan.Set.Select(s => $"`{s}`")))}");
        text.AppendLine($"- Varied: {string.Join(" × ", plan.GridKeys.Select(k => $"`{k}`"))} ({results.Groups.Count} group{(results.Groups.Count == 1 ? "" : "s")})");
        if (plan.After.Count > 0) text.AppendLine($"- After training: {string.Join("; ", plan.After.Select(a => $"`{a}`"))}");
        text.AppendLine(results.Baseline is { } baseline
            ? $"- Baseline: `{baseline.Group}` ({baseline.Selection})"
            : "- Baseline: none (give `sweep.baseline` in the sweep file or `--baseline key=value` to compare the groups)");
        if (results.Missing.Count == 0)
        {
            text.AppendLine($"- Runs: all {planned} completed");
        }
        else
        {
            text.AppendLine($"- **Incomplete: {completed} of {planned} runs completed**; only completed runs count. Not counted: "
                + string.Join(", ", results.Missing.Select(m => $"`{m.Run.Name}` ({Missing(m)})")));
        }
    }

    private static string Missing(SweepRunState state) => state.State switch
    {
        RunState.Failed when state.Outcome?.Error is { } error => $"failed: {error}",
        RunState.Interrupted when state.Summary is { } summary => $"interrupted at epoch {summary.EpochsCompleted} of {summary.Epochs}",
        _ => SweepPlanTable.Name(state.State),
    };

    private static void Summary(StringBuilder text, SweepResults results, Footnotes footnotes)
    {
        var metrics = KeyMetricsOf(results);
        text.AppendLine().AppendLine("## Summary").AppendLine();
        text.AppendLine("Each cell: mean ± sample standard deviation (number of completed runs). *Final*: the model after the last "
            + "epoch; *best*: the highest test accuracy over the epochs (chosen on the test set, so biased upwards); *k = 1*: the final model's accuracy using only the first timestep.")
            .AppendLine();
        Row(text, ["group", "completed", .. metrics.Select(m => $"{m.Label} ({Figures.UnitName(m.Unit)})")]);
        Rule(text, 2 + metrics.Count);
        foreach (var group in results.Groups)
            Row(text, [group.Title, $"{group.Completed.Count}/{group.Planned.Count}", .. metrics.Select(m => MeanCell(results.For(group, m), footnotes))]);
    }

    private static void AgainstBaseline(StringBuilder text, SweepResults results, Footnotes footnotes)
    {
        if (results.Baseline is not { } baseline) return;
        text.AppendLine().AppendLine($"## Against the baseline `{baseline.Group}`").AppendLine();
        var others = results.Groups.Where(g => !g.IsBaseline).ToArray();
        if (others.Length == 0)
        {
            text.AppendLine("The sweep has no other group to compare.");
            return;
        }
        text.AppendLine("*Difference*: group mean − baseline mean, with its 95% confidence interval and the two-sided p-value of Welch's "
            + "t-test (unequal variances, Welch–Satterthwaite degrees of freedom). *Paired*: the mean over seeds of (group − baseline) "
            + "for the seeds both completed (number of pairs), with the paired t-test. Accuracies in percentage points (pp). "
            + "The p-values are not corrected for the number of comparisons.").AppendLine();
        Row(text, ["group", "metric", "difference", "95% CI", "Welch p", "paired difference", "95% CI", "paired p"]);
        Rule(text, 8);
        foreach (var group in others)
            foreach (var metric in KeyMetricsOf(results))
            {
                var result = results.For(group, metric);
                var label = $"{metric.Label} ({Figures.DifferenceUnitName(metric.Unit)})";
                Row(text, result?.Welch is { } welch && result.Paired is { } paired
                    ? [group.Name, label, .. ComparisonCells(welch, metric.Unit, footnotes, pairs: false), .. ComparisonCells(paired, metric.Unit, footnotes, pairs: true)]
                    : [group.Name, label, .. Enumerable.Repeat(footnotes.Dash(NoValue), 6)]);
            }
    }

    private static void AllMetrics(StringBuilder text, SweepResults results, Footnotes footnotes)
    {
        var compare = results.Baseline is not null;
        text.AppendLine().AppendLine("## All metrics").AppendLine();
        text.AppendLine("One table per metric and the file it comes from; std is the sample standard deviation (n − 1)"
            + (compare ? "; the comparisons are as above." : ".")).AppendLine();
        foreach (var metric in results.Metrics)
        {
            var unit = Figures.UnitName(metric.Unit);
            text.AppendLine($"### {metric.Label} ({unit}; {metric.Origin})").AppendLine();
            string[] head = ["group", "n", "mean", "std", "min", "max"];
            Row(text, compare ? [.. head, $"difference ({Figures.DifferenceUnitName(metric.Unit)})", "95% CI", "Welch p", "paired difference", "95% CI", "paired p"] : head);
            Rule(text, compare ? 12 : 6);
            foreach (var group in results.Groups)
            {
                if (results.For(group, metric) is not { } result) continue;
                var s = result.Statistics;
                string[] cells =
                [
                    group.Title, $"{s.N}", Figures.Value(s.Mean, metric.Unit),
                    s.StandardDeviation is { } sd ? Figures.Value(sd, metric.Unit) : footnotes.Dash(GroupStatistics.TooFewRuns),
                    Figures.Value(s.Min, metric.Unit), Figures.Value(s.Max, metric.Unit),
                ];
                Row(text, !compare ? cells
                    : result is { Welch: { } welch, Paired: { } paired }
                        ? [.. cells, .. ComparisonCells(welch, metric.Unit, footnotes, pairs: false), .. ComparisonCells(paired, metric.Unit, footnotes, pairs: true)]
                        : [.. cells, "", "", "", "", "", ""]);
            }
            text.AppendLine();
        }
    }

    private static void Notes(StringBuilder text, SweepResults results)
    {
        var notes = results.Notes.ToArray();
        if (notes.Length == 0) return;
        text.AppendLine("## Notes").AppendLine();
        foreach (var note in notes) text.AppendLine($"- {note}");
    }

    /// <summary>The key metrics (those of the summary table) that the results have, in the table's order.</summary>
    public static IReadOnlyList<SweepMetric> KeyMetricsOf(SweepResults results) =>
        KeyMetrics.Select(name => results.Metrics.FirstOrDefault(m => m.Source == SweepMetrics.SummaryFile && m.Name == name)).OfType<SweepMetric>().ToArray();

    private static string MeanCell(MetricResult? result, Footnotes footnotes)
    {
        if (result is null) return footnotes.Dash(NoValue);
        var s = result.Statistics;
        var deviation = s.StandardDeviation is { } sd ? Figures.Value(sd, result.Metric.Unit) : footnotes.Dash(GroupStatistics.TooFewRuns);
        return $"{Figures.Value(s.Mean, result.Metric.Unit)} ± {deviation} ({s.N})";
    }

    /// <summary>Difference, 95% CI and p; a paired difference also gives its number of pairs.</summary>
    private static string[] ComparisonCells(Comparison comparison, MetricUnit unit, Footnotes footnotes, bool pairs)
    {
        var reason = comparison.Reason ?? "";
        var difference = comparison.Difference is { } d
            ? Figures.Signed(d, unit) + (pairs ? $" ({comparison.N})" : "")
            : footnotes.Dash(reason);
        var interval = comparison is { Low: { } low, High: { } high }
            ? $"[{Figures.Signed(low, unit)}, {Figures.Signed(high, unit)}]"
            : footnotes.Dash(reason);
        var p = comparison.P is { } value ? Figures.P(value) : footnotes.Dash(reason);
        return [difference, interval, p];
    }

    private static void Row(StringBuilder text, IEnumerable<string> cells) => text.AppendLine($"| {string.Join(" | ", cells)} |");

    private static void Rule(StringBuilder text, int columns) => text.AppendLine($"|{string.Concat(Enumerable.Repeat("---|", columns))}");
}
