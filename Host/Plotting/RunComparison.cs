using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// <c>plot &lt;run-dir&gt; --compare &lt;run-dir&gt;...</c>: the runs' curves overlaid, one picture each, into the first run's
/// <c>plots/</c>: test accuracy per epoch (<c>compare-accuracy.png</c>), training loss per epoch (<c>compare-loss.png</c>)
/// and the final model's test accuracy with the first k timesteps (<c>compare-accuracy-vs-timesteps.png</c>). Each run is
/// labelled by the configuration keys that differ between them; the legend goes under the plot, where long labels hide no curve.
/// </summary>
internal static class RunComparison
{
    public const string AccuracyFile = "compare-accuracy.png";
    public const string LossFile = "compare-loss.png";
    public const string TimestepsFile = "compare-accuracy-vs-timesteps.png";

    public static void Draw(PlottedRun run, IReadOnlyList<PlottedRun> others, DrawnFigures drawn)
    {
        PlottedRun[] runs = [run, .. others];
        var labels = ConfigurationDifferences.Labels(runs);
        var shared = Shared(runs);
        var lastEpoch = runs.Max(r => r.Metrics[^1].Epoch);

        using (var plot = PlotStyle.Create(Title("Test accuracy per epoch", runs, shared), "epoch", "test accuracy (%)"))
        {
            for (var i = 0; i < runs.Length; i++)
                PlotStyle.Distinguish(PlotStyle.Line(plot, Epochs(runs[i]), runs[i].Metrics.Select(m => 100 * m.TestAccuracy).ToArray(), labels[i], i), i);
            PlotStyle.IntegerTicks(plot.Axes.Bottom, 1, lastEpoch);
            plot.ShowLegend(Edge.Bottom);
            PngFile.Save(plot, run.Figure(AccuracyFile), drawn);
        }

        using (var plot = PlotStyle.Create(Title("Training loss per epoch", runs, shared), "epoch", "loss with each run's distillation term (batch mean)"))
        {
            for (var i = 0; i < runs.Length; i++)
                PlotStyle.Distinguish(PlotStyle.Line(plot, Epochs(runs[i]), runs[i].Metrics.Select(m => m.TrainLoss).ToArray(), labels[i], i), i);
            PlotStyle.IntegerTicks(plot.Axes.Bottom, 1, lastEpoch);
            plot.ShowLegend(Edge.Bottom);
            PngFile.Save(plot, run.Figure(LossFile), drawn);
        }

        using (var plot = PlotStyle.Create(Title("Final test accuracy using only the first k timesteps", runs, shared), "timesteps used, k", "test accuracy (%)"))
        {
            for (var i = 0; i < runs.Length; i++)
            {
                var accuracies = runs[i].Metrics[^1].TestAccuracyAtTimesteps;
                PlotStyle.Distinguish(PlotStyle.Line(plot, Enumerable.Range(1, accuracies.Length).Select(k => (double)k).ToArray(), accuracies.Select(a => 100 * a).ToArray(), labels[i], i), i);
            }
            PlotStyle.IntegerTicks(plot.Axes.Bottom, 1, Math.Max(1, runs.Max(r => r.Metrics[^1].TestAccuracyAtTimesteps.Length)));
            plot.ShowLegend(Edge.Bottom);
            PngFile.Save(plot, run.Figure(TimestepsFile), drawn);
        }
    }

    private static double[] Epochs(PlottedRun run) => run.Metrics.Select(m => (double)m.Epoch).ToArray();

    private static string Title(string what, IReadOnlyList<PlottedRun> runs, string shared) =>
        $"{what}, {runs.Count} runs\n{(shared.Length == 0 ? "runs of different models and data" : shared)}";

    /// <summary>What every run has in common of model, T, neuron model, scheme and dataset, e.g. <c>csnn, T = 4, lif neurons, embedded-fashion-mnist</c>.</summary>
    private static string Shared(IReadOnlyList<PlottedRun> runs)
    {
        string? Same(Func<RunIdentity, string> part) => runs.Select(r => part(r.Identity)).Distinct().Count() == 1 ? part(runs[0].Identity) : null;
        string?[] parts =
        [
            Same(i => i.Model), Same(i => i.Timesteps is { } t ? $"T = {t}" : "T = ?"), Same(i => $"{i.Neuron} neurons"),
            Same(i => $"scheme {i.Scheme}"), Same(i => i.Dataset),
        ];
        return string.Join(", ", parts.OfType<string>());
    }
}
