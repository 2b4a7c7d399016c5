using System.Globalization;
using System.Text;

namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// <c>results.csv</c>: one row per (group, metric) with every figure at full precision, plain RFC 4180 so any
/// reader loads it. Accuracies are in percent as in <c>results.md</c>; a figure that cannot be computed is an empty
/// cell, and <c>note</c> says why. The columns are described in docs/sweep-report.md.
/// </summary>
internal static class ResultsCsv
{
    public static readonly string[] Columns =
    [
        "group", "is_baseline", "metric", "label", "unit", "source", "checkpoint", "samples", "n", "mean", "std", "min", "max",
        "diff", "diff_ci_low", "diff_ci_high", "welch_df", "welch_p",
        "paired_n", "paired_diff", "paired_ci_low", "paired_ci_high", "paired_p", "note",
    ];

    public static string Write(SweepResults results)
    {
        var text = new StringBuilder();
        Line(text, Columns);
        foreach (var metric in results.Metrics)
            foreach (var group in results.Groups)
                if (results.For(group, metric) is { } result)
                    Line(text, Cells(result));
        return text.ToString();
    }

    private static IEnumerable<string> Cells(MetricResult result)
    {
        var (group, metric, s, welch, paired) = result;
        var notes = new List<string>();
        if (s.StandardDeviation is null) notes.Add($"std: {GroupStatistics.TooFewRuns}");
        if (welch?.Reason is { } w) notes.Add($"welch: {w}");
        if (paired?.Reason is { } p) notes.Add($"paired: {p}");
        return
        [
            group.Name, group.IsBaseline ? "true" : "false", metric.Name, metric.Label, Figures.UnitName(metric.Unit), metric.Source, metric.Checkpoint,
            metric.Samples == 0 ? "" : $"{metric.Samples}",
            $"{s.N}", Number(s.Mean), Number(s.StandardDeviation), Number(s.Min), Number(s.Max),
            Number(welch?.Difference), Number(welch?.Low), Number(welch?.High), Number(welch?.DegreesOfFreedom), Number(welch?.P),
            paired is null || paired.Reason == SweepResults.NotSameSeeds ? "" : $"{paired.N}",
            Number(paired?.Difference), Number(paired?.Low), Number(paired?.High), Number(paired?.P),
            string.Join("; ", notes),
        ];
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static void Line(StringBuilder text, IEnumerable<string> cells) =>
        text.Append(string.Join(',', cells.Select(Quote))).Append('\n');

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
}
