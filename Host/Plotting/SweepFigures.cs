using Neuromorph.Host.Sweeps;
using Neuromorph.Host.Sweeps.Reporting;
using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// <c>sweep report</c>'s figures, in <c>&lt;sweep-dir&gt;/plots/</c>: per key metric of the summary table
/// (<c>&lt;metric&gt;.png</c>, e.g. <c>test_accuracy.png</c>) the groups side by side, each with its mean ± sample standard
/// deviation over its completed runs and every run as a dot beside it; and <c>accuracy-vs-timesteps.png</c>, each group's final
/// accuracy with the first k timesteps (mean ± std); per evaluation with early exit its accuracy against the mean
/// timesteps (<see cref="SweepEarlyExitFigure"/>); and per robustness report the groups' robust accuracy against ε
/// (<see cref="SweepRobustnessFigure"/>).
/// </summary>
internal static class SweepFigures
{
    public const string PlotsFolder = "plots";
    public const string TimestepsFile = "accuracy-vs-timesteps.png";

    /// <summary>Where a group's runs' dots go, right of its mean and error bar (which would hide a dot at the centre), in group widths.</summary>
    private const double DotsFrom = 0.12;
    private const double DotsTo = 0.36;

    public static void Draw(SweepDirectory directory, SweepResults results, DrawnFigures drawn)
    {
        var folder = Path.Combine(directory.Path, PlotsFolder);
        var about = About(directory, results);
        foreach (var metric in ResultsMarkdown.KeyMetricsOf(results))
            DrawMetric(results, metric, about, Path.Combine(folder, $"{metric.Name}.png"), drawn);
        DrawTimesteps(results, about, Path.Combine(folder, TimestepsFile), drawn);
        SweepEarlyExitFigure.Draw(results, about, folder, drawn);
        SweepRobustnessFigure.Draw(results, about, folder, drawn);
    }

    private static void DrawMetric(SweepResults results, SweepMetric metric, string about, string path, DrawnFigures drawn)
    {
        var unit = Figures.UnitName(metric.Unit);
        using var plot = PlotStyle.Create($"{Capitalised(metric.Label)}: mean ± std over each group's runs (dots: its runs, in seed order)\n{about}", "group", $"{metric.Label} ({unit})");
        for (var g = 0; g < results.Groups.Count; g++)
        {
            var group = results.Groups[g];
            var values = group.Values(metric);
            if (values.Count == 0) continue;
            var x = g + 1;
            var offsets = values.Select((_, i) => values.Count == 1 ? DotsFrom : DotsFrom + (DotsTo - DotsFrom) * i / (values.Count - 1)).ToArray();
            var dots = plot.Add.Markers(offsets.Select(o => x + o).ToArray(), values.ToArray(), MarkerShape.OpenCircle, 9, PlotStyle.Series(g));
            dots.MarkerLineWidth = 1.5f;
            if (results.For(group, metric) is not { } result) continue;
            var mean = plot.Add.Markers(new double[] { x }, new[] { result.Statistics.Mean }, MarkerShape.FilledSquare, 11, Colors.Black);
            mean.LegendText = "";
            if (result.Statistics.StandardDeviation is { } sd)
            {
                var bar = plot.Add.ErrorBar([x], [result.Statistics.Mean], [sd]);
                bar.Color = Colors.Black;
                bar.LineWidth = 2;
                bar.CapSize = 12;
            }
        }
        GroupTicks(plot, results);
        PngFile.Save(plot, path, drawn);
    }

    private static void DrawTimesteps(SweepResults results, string about, string path, DrawnFigures drawn)
    {
        var perK = results.Metrics.Where(m => m.Source == SweepMetrics.SummaryFile && m.Name.StartsWith("test_accuracy_k", StringComparison.Ordinal))
            .OrderBy(m => m.Parameter).ToArray();
        if (perK.Length == 0)
        {
            drawn.Skip("accuracy against timesteps per group", "no run's summary.json has test_accuracy_at_timesteps");
            return;
        }
        using var plot = PlotStyle.Create($"Final test accuracy using only the first k timesteps, mean ± std per group\n{about}", "timesteps used, k", "test accuracy (%)");
        for (var g = 0; g < results.Groups.Count; g++)
        {
            var group = results.Groups[g];
            var points = perK.Select(m => (K: m.Parameter, Result: results.For(group, m))).Where(p => p.Result is not null).ToArray();
            if (points.Length == 0) continue;
            // Groups are nudged apart along k so that their error bars do not hide each other.
            var nudge = (g - (results.Groups.Count - 1) / 2.0) * 0.04;
            var xs = points.Select(p => p.K + nudge).ToArray();
            var means = points.Select(p => p.Result!.Statistics.Mean).ToArray();
            PlotStyle.Distinguish(PlotStyle.Line(plot, xs, means, group.Title, g), g);
            PlotStyle.Deviations(plot, xs, means, points.Select(p => p.Result!.Statistics.StandardDeviation ?? 0).ToArray(), g);
        }
        PlotStyle.IntegerTicks(plot.Axes.Bottom, 1, (int)perK[^1].Parameter);
        plot.ShowLegend(Alignment.LowerRight);
        PngFile.Save(plot, path, drawn);
    }

    /// <summary>The groups' names under their places; slanted when they would not fit side by side.</summary>
    private static void GroupTicks(Plot plot, SweepResults results)
    {
        var names = new ScottPlot.TickGenerators.NumericManual();
        for (var g = 0; g < results.Groups.Count; g++) names.AddMajor(g + 1, results.Groups[g].Title);
        plot.Axes.Bottom.TickGenerator = names;
        var widest = results.Groups.Max(g => g.Title.Length);
        if (widest * results.Groups.Count > 90)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        }
        plot.Axes.SetLimitsX(0.4, results.Groups.Count + 0.6);
    }

    /// <summary>E.g. <c>sweep quickstart-schemes: csnn, T = 4, lif neurons, embedded-fashion-mnist; groups differ in distillation.scheme</c>.</summary>
    private static string About(SweepDirectory directory, SweepResults results)
    {
        var first = results.Groups.SelectMany(g => g.Completed).First();
        var summary = directory.Run(first.Run.Name).ReadSummary()!;
        var varied = results.Plan.GridKeys.Where(k => k != SweepExpansion.SeedKey).ToArray();
        var scheme = varied.Contains("distillation.scheme") ? "" : $", scheme {summary.Scheme}";
        return $"sweep {results.Plan.Name}: {summary.Model}, T = {summary.Timesteps}, {summary.Neuron} neurons{scheme}, {summary.Dataset}"
            + (varied.Length == 0 ? "" : $"; groups differ in {string.Join(", ", varied)}");
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
