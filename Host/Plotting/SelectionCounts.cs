using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// <c>selection-counts.png</c>: how many training batches chose each timestep as the strong (most confident) and as the
/// weak (least confident) one, summed over the run's epochs, from the scheme's <c>strong_counts</c> and <c>weak_counts</c>
/// diagnostics. Runs whose scheme records none (scheme <c>none</c>) are skipped with a note.
/// </summary>
internal static class SelectionCounts
{
    public const string File = "selection-counts.png";
    public const string StrongDiagnostic = "strong_counts";
    public const string WeakDiagnostic = "weak_counts";

    public static void Draw(PlottedRun run, DrawnFigures drawn)
    {
        var strong = Total(run, StrongDiagnostic);
        var weak = Total(run, WeakDiagnostic);
        if (strong is null || weak is null || strong.Length != weak.Length)
        {
            drawn.Skip("strong/weak selection counts", $"metrics.jsonl records no {StrongDiagnostic} and {WeakDiagnostic} (scheme '{run.Identity.Scheme}' does not select timesteps)");
            return;
        }
        var counted = run.Metrics.Where(m => m.Diagnostics.ContainsKey(StrongDiagnostic)).ToArray();
        var batches = counted.Sum(m => m.Iterations);
        using var plot = PlotStyle.Create(
            run.Identity.Title($"Strong and weak timestep chosen per batch, {counted.Length} epoch{(counted.Length == 1 ? "" : "s")}"
                + (batches > 0 ? $" ({batches} batches)" : "")),
            "timestep t", "training batches");
        AddBars(plot, strong, -0.2, "strong (most confident)", 0);
        AddBars(plot, weak, +0.2, "weak (least confident)", 1);
        PlotStyle.IntegerTicks(plot.Axes.Bottom, 1, strong.Length);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        PngFile.Save(plot, run.Figure(File), drawn);
    }

    /// <summary>The counts of <paramref name="diagnostic"/> summed over the epochs that have it, or null when none does.</summary>
    private static double[]? Total(PlottedRun run, string diagnostic)
    {
        var perEpoch = run.Metrics.Select(m => m.Diagnostics.GetValueOrDefault(diagnostic)).OfType<double[]>().Where(v => v.Length > 0).ToArray();
        if (perEpoch.Length == 0 || perEpoch.Any(v => v.Length != perEpoch[0].Length)) return null;
        return Enumerable.Range(0, perEpoch[0].Length).Select(t => perEpoch.Sum(v => v[t])).ToArray();
    }

    private static void AddBars(Plot plot, double[] counts, double offset, string legend, int series)
    {
        var bars = counts.Select((count, t) => new Bar { Position = t + 1 + offset, Value = count, Size = 0.38, FillColor = PlotStyle.Series(series) }).ToArray();
        var plotted = plot.Add.Bars(bars);
        plotted.LegendText = legend;
    }
}
