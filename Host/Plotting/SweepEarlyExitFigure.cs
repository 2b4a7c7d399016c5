using System.Globalization;
using Neuromorph.Host.Sweeps.Reporting;
using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// <c>sweep report</c>'s early-exit figure, one per evaluation file that has early-exit thresholds
/// (<c>early-exit.png</c> for the runs' <c>evaluation.json</c>, <c>early-exit-t2.png</c> for <c>evaluation-t2.json</c>):
/// per group, the accuracy with the first k timesteps against k (a line, mean ± std) and each threshold θ's early-exit
/// accuracy against the mean timesteps it used (a marker labelled θ, mean ± std of the accuracy, at the group's mean
/// timesteps). A scheme that makes early timesteps better moves both towards the upper left.
/// </summary>
internal static class SweepEarlyExitFigure
{
    private const string AccuracyPrefix = "early_exit_accuracy@";
    private const string TimestepsPrefix = "early_exit_timesteps@";

    public static void Draw(SweepResults results, string about, string folder, DrawnFigures drawn)
    {
        var exits = results.Metrics.Where(m => m.Name.StartsWith(AccuracyPrefix, StringComparison.Ordinal)).ToArray();
        foreach (var evaluation in exits.GroupBy(m => (m.Source, m.Checkpoint, m.Samples)))
            Draw(results, about, evaluation.ToArray(), Path.Combine(folder, FileName(evaluation.Key.Source)), drawn);
    }

    /// <summary>The figure of the evaluation file <paramref name="source"/>: <c>early-exit.png</c> for <c>evaluation.json</c>.</summary>
    public static string FileName(string source) => $"early-exit{Path.GetFileNameWithoutExtension(source)["evaluation".Length..]}.png";

    /// <summary>The caption of <paramref name="stem"/> when it names one of these figures, else null.</summary>
    public static string? Caption(SweepResults results, string stem) =>
        results.Metrics.Where(m => m.Name.StartsWith(AccuracyPrefix, StringComparison.Ordinal))
            .Select(m => m.Source).Distinct()
            .Where(source => Path.GetFileNameWithoutExtension(FileName(source)) == stem)
            .Select(source => $"Early exit: accuracy against the mean timesteps used ({source})")
            .FirstOrDefault();

    private static void Draw(SweepResults results, string about, SweepMetric[] accuracies, string path, DrawnFigures drawn)
    {
        var first = accuracies[0];
        var sameFile = results.Metrics.Where(m => m.Source == first.Source && m.Checkpoint == first.Checkpoint && m.Samples == first.Samples).ToArray();
        var perK = sameFile.Where(m => m.Name.StartsWith("test_accuracy_k", StringComparison.Ordinal)).OrderBy(m => m.Parameter).ToArray();
        using var plot = PlotStyle.Create(
            $"Early exit and the first k timesteps, mean ± std ({first.Source}: {first.Checkpoint}, {first.Samples} test samples)\n{about}",
            "timesteps used per sample (k, or the mean under early exit)", "test accuracy (%)");
        for (var g = 0; g < results.Groups.Count; g++)
        {
            var group = results.Groups[g];
            var curve = perK.Select(m => (K: m.Parameter, Result: results.For(group, m))).Where(p => p.Result is not null).ToArray();
            if (curve.Length > 0)
            {
                var line = PlotStyle.Line(plot, curve.Select(p => p.K).ToArray(), curve.Select(p => p.Result!.Statistics.Mean).ToArray(),
                    $"{group.Title}: first k timesteps", g);
                line.LinePattern = LinePattern.Dashed;
                line.MarkerSize = 5;
            }
            var points = accuracies
                .Select(accuracy => (Theta: accuracy.Parameter, Accuracy: results.For(group, accuracy),
                    Timesteps: sameFile.FirstOrDefault(m => m.Name == TimestepsPrefix + accuracy.Name[AccuracyPrefix.Length..]) is { } t ? results.For(group, t) : null))
                .Where(p => p.Accuracy is not null && p.Timesteps is not null)
                .OrderBy(p => p.Timesteps!.Statistics.Mean).ToArray();
            if (points.Length == 0) continue;
            var xs = points.Select(p => p.Timesteps!.Statistics.Mean).ToArray();
            var ys = points.Select(p => p.Accuracy!.Statistics.Mean).ToArray();
            var exitsLine = PlotStyle.Line(plot, xs, ys, $"{group.Title}: early exit", g);
            exitsLine.MarkerShape = MarkerShape.FilledDiamond;
            exitsLine.MarkerSize = 9;
            PlotStyle.Deviations(plot, xs, ys, points.Select(p => p.Accuracy!.Statistics.StandardDeviation ?? 0).ToArray(), g);
            // θ beside the first group's markers only: the thresholds are the same for every group.
            if (g != 0) continue;
            foreach (var point in points)
            {
                var label = plot.Add.Text($"θ = {point.Theta.ToString("0.##", CultureInfo.InvariantCulture)}", point.Timesteps!.Statistics.Mean, point.Accuracy!.Statistics.Mean);
                label.LabelFontSize = 11;
                label.LabelFontColor = PlotStyle.Series(g);
                label.Alignment = Alignment.LowerCenter;
                label.OffsetY = -8;
            }
        }
        var timesteps = perK.Length > 0 ? (int)perK[^1].Parameter : 1;
        PlotStyle.IntegerTicks(plot.Axes.Bottom, 1, timesteps);
        plot.Axes.SetLimitsX(0.5, timesteps + 0.5);
        plot.ShowLegend(Edge.Bottom);
        PngFile.Save(plot, path, drawn);
    }
}
