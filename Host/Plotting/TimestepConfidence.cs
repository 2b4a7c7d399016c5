using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// <c>confidence.png</c>: each timestep's mean confidence over the epoch's training batches, per epoch, from the scheme's
/// <c>confidence</c> diagnostic (measured as <c>distillation.confidence</c> says). Skipped with a note when not recorded.
/// </summary>
internal static class TimestepConfidence
{
    public const string File = "confidence.png";
    public const string Diagnostic = "confidence";

    public static void Draw(PlottedRun run, DrawnFigures drawn)
    {
        var epochs = run.Metrics.Where(m => m.Diagnostics.TryGetValue(Diagnostic, out var v) && v.Length > 0).ToArray();
        if (epochs.Length == 0)
        {
            drawn.Skip("confidence per timestep", $"metrics.jsonl records no {Diagnostic} (scheme '{run.Identity.Scheme}' does not measure it)");
            return;
        }
        var timesteps = epochs.Max(m => m.Diagnostics[Diagnostic].Length);
        var measure = run.Settings.Text("distillation.confidence") ?? "max-probability";
        using var plot = PlotStyle.Create(
            run.Identity.Title("Mean confidence of each timestep's output, per epoch"), "epoch", $"mean confidence ({measure})");
        for (var t = 0; t < timesteps; t++)
        {
            var having = epochs.Where(m => m.Diagnostics[Diagnostic].Length > t).ToArray();
            var line = PlotStyle.Line(plot, having.Select(m => (double)m.Epoch).ToArray(), having.Select(m => m.Diagnostics[Diagnostic][t]).ToArray(), $"t = {t + 1}", t);
            PlotStyle.Distinguish(line, t);
        }
        PlotStyle.IntegerTicks(plot.Axes.Bottom, 1, run.Metrics[^1].Epoch);
        plot.ShowLegend(Edge.Right);
        PngFile.Save(plot, run.Figure(File), drawn);
    }
}
