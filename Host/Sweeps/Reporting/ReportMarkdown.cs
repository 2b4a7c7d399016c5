using System.Text;
using Neuromorph.Host.Plotting;

namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// <c>report.md</c>: the sweep's overview (what ran, the summary table, the comparison with the baseline, as
/// <c>results.md</c> begins) followed by the figures in <c>plots/</c>, embedded by relative links so that the file reads
/// well where the sweep directory is browsed (a code-hosting site, an editor's preview).
/// </summary>
internal static class ReportMarkdown
{
    public const string File = "report.md";

    /// <param name="results">The sweep's results.</param>
    /// <param name="drawn">The figures drawn into <paramref name="sweepPath"/>'s <c>plots/</c>, and those left out.</param>
    /// <param name="sweepPath">The sweep directory, which links are relative to.</param>
    public static string Document(SweepResults results, DrawnFigures drawn, string sweepPath)
    {
        var text = new StringBuilder(ResultsMarkdown.Overview(results));
        text.AppendLine().AppendLine("## Figures").AppendLine();
        text.AppendLine("Each group's mean ± sample standard deviation over its completed runs, with every run as a dot.").AppendLine();
        foreach (var path in drawn.Written)
        {
            var link = Path.GetRelativePath(sweepPath, path).Replace('\\', '/');
            var caption = Caption(results, Path.GetFileNameWithoutExtension(path));
            text.AppendLine($"### {caption}").AppendLine().AppendLine($"![{caption}]({Uri.EscapeDataString(link).Replace("%2F", "/")})").AppendLine();
        }
        if (drawn.Written.Count == 0) text.AppendLine("No figure could be drawn.").AppendLine();
        foreach (var (figure, reason) in drawn.Skipped) text.AppendLine($"- Not drawn: {figure} ({reason})");
        if (drawn.Skipped.Count > 0) text.AppendLine();
        text.AppendLine($"Every metric, with its comparisons: [{SweepReport.MarkdownFile}]({SweepReport.MarkdownFile}); every run's values: [{SweepReport.CsvFile}]({SweepReport.CsvFile}).");
        return text.ToString();
    }

    private static string Caption(SweepResults results, string stem) =>
        stem == Path.GetFileNameWithoutExtension(SweepFigures.TimestepsFile)
            ? "Final test accuracy using only the first k timesteps"
            : ResultsMarkdown.KeyMetricsOf(results).FirstOrDefault(m => m.Name == stem) is { } metric
                ? $"{char.ToUpperInvariant(metric.Label[0])}{metric.Label[1..]} ({Figures.UnitName(metric.Unit)})"
                : SweepEarlyExitFigure.Caption(results, stem) ?? SweepRobustnessFigure.Caption(results, stem) ?? stem;
}
