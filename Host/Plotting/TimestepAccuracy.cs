using System.Globalization;
using Neuromorph.Host.Reporting;
using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// <c>accuracy-vs-timesteps.png</c>: test accuracy of the mean output over the first k timesteps, k = 1..T, for the final
/// model (the last epoch of <c>metrics.jsonl</c>) and for each evaluation file; <c>early-exit.png</c>: from
/// <c>evaluation.json</c>, each early-exit threshold θ's accuracy against the mean number of timesteps it used, beside the
/// fixed-k curve it competes with.
/// </summary>
internal static class TimestepAccuracy
{
    public const string TimestepsFile = "accuracy-vs-timesteps.png";
    public const string EarlyExitFile = "early-exit.png";

    public static void Draw(PlottedRun run, IReadOnlyList<RunReports.Named<EvaluationReport>> evaluations, DrawnFigures drawn)
    {
        var final = run.Metrics[^1];
        using (var plot = PlotStyle.Create(run.Identity.Title("Test accuracy using only the first k timesteps"), "timesteps used, k", "test accuracy (%)"))
        {
            var series = 0;
            Curve(plot, final.TestAccuracyAtTimesteps, $"final model, epoch {final.Epoch} (metrics.jsonl)", series++);
            // Dashed, so that an evaluation of the final checkpoint, which lies on the curve above, leaves both visible.
            foreach (var evaluation in evaluations)
                Curve(plot, evaluation.Report.TestAccuracyAtTimesteps, Describe(evaluation), series++)?.LinePattern = LinePattern.Dashed;
            var longest = evaluations.Select(e => e.Report.TestAccuracyAtTimesteps.Length).Append(final.TestAccuracyAtTimesteps.Length).Max();
            PlotStyle.IntegerTicks(plot.Axes.Bottom, 1, Math.Max(1, longest));
            plot.ShowLegend(Edge.Bottom);
            PngFile.Save(plot, run.Figure(TimestepsFile), drawn);
        }

        var main = evaluations.FirstOrDefault(e => e.File == EvaluationReport.FileName(null));
        if (main is null)
        {
            drawn.Skip("early exit", "no evaluation.json: run 'eval <run-dir> --early-exit θ' first");
            return;
        }
        if (main.Report.EarlyExit.Count == 0)
        {
            drawn.Skip("early exit", "evaluation.json has no early-exit threshold: run 'eval <run-dir> --early-exit θ'");
            return;
        }
        DrawEarlyExit(run, main, drawn);
    }

    private static void DrawEarlyExit(PlottedRun run, RunReports.Named<EvaluationReport> evaluation, DrawnFigures drawn)
    {
        using var plot = PlotStyle.Create(
            run.Identity.Title("Early exit: accuracy against the mean number of timesteps used"), "mean timesteps used per sample", "test accuracy (%)");
        Curve(plot, evaluation.Report.TestAccuracyAtTimesteps, "first k timesteps, every sample (no early exit)", 0);
        var exits = evaluation.Report.EarlyExit.OrderBy(e => e.MeanTimesteps).ToArray();
        var points = plot.Add.ScatterPoints(exits.Select(e => e.MeanTimesteps).ToArray(), exits.Select(e => 100 * e.Accuracy).ToArray(), PlotStyle.Series(1));
        points.LegendText = $"early exit at threshold θ ({Describe(evaluation)})";
        points.MarkerSize = 10;
        points.MarkerShape = MarkerShape.FilledDiamond;
        var timesteps = Math.Max(1, evaluation.Report.TestAccuracyAtTimesteps.Length);
        // Thresholds that gave the same point (often every θ above the model's confidence: all T timesteps) share a label.
        foreach (var point in exits.GroupBy(e => (Math.Round(e.MeanTimesteps, 2), Math.Round(100 * e.Accuracy, 1))))
        {
            var exit = point.First();
            var thresholds = string.Join(", ", point.Select(e => e.Threshold).Order().Select(t => t.ToString("0.###", CultureInfo.InvariantCulture)));
            var label = plot.Add.Text($"θ = {thresholds}", exit.MeanTimesteps, 100 * exit.Accuracy);
            label.LabelFontSize = 12;
            label.LabelFontColor = PlotStyle.Series(1);
            // Right of the point, or left of it in the last half timestep, where the text would leave the picture.
            var left = exit.MeanTimesteps > timesteps - 0.5;
            label.Alignment = left ? Alignment.LowerRight : Alignment.LowerLeft;
            label.OffsetX = left ? -6 : 6;
            label.OffsetY = -4;
        }
        PlotStyle.IntegerTicks(plot.Axes.Bottom, 1, timesteps);
        plot.Axes.SetLimitsX(0.5, timesteps + 0.5);
        plot.ShowLegend(Edge.Bottom);
        PngFile.Save(plot, run.Figure(EarlyExitFile), drawn);
    }

    private static ScottPlot.Plottables.Scatter? Curve(Plot plot, double[] accuracies, string legend, int series)
    {
        if (accuracies.Length == 0) return null;
        var ks = Enumerable.Range(1, accuracies.Length).Select(k => (double)k).ToArray();
        return PlotStyle.Line(plot, ks, accuracies.Select(a => 100 * a).ToArray(), legend, series);
    }

    /// <summary>E.g. <c>evaluation.json: best.ckpt, 2000 test samples</c>.</summary>
    private static string Describe(RunReports.Named<EvaluationReport> evaluation) =>
        $"{evaluation.File}: {evaluation.Report.Checkpoint}, {evaluation.Report.Samples} test samples";
}
