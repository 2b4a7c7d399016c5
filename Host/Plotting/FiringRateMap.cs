using System.Globalization;
using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// <c>firing-rates.png</c> (training batches) and <c>firing-rates-test.png</c> (the test set): each spiking layer's mean
/// spike rate at each timestep in the last epoch, a heat map of layers (rows, input side at the top) × timesteps, from
/// <c>metrics.jsonl</c> (<c>firing_rates</c>, <c>test_firing_rates</c>: layer → [T]) or <c>summary.json</c>. Skipped with
/// a note when the run recorded none.
/// </summary>
internal static class FiringRateMap
{
    public const string TrainingFile = "firing-rates.png";
    public const string TestFile = "firing-rates-test.png";

    /// <summary>Cells get their value written in them up to this many; beyond, the colour bar alone tells.</summary>
    private const int MostLabelledCells = 96;

    public static void Draw(PlottedRun run, DrawnFigures drawn)
    {
        var last = run.Metrics[^1];
        Draw(run, Pick(last.FiringRates, run.Summary?.FiringRates), "training batches", "firing rates (training)", TrainingFile, drawn);
        Draw(run, Pick(last.TestFiringRates, run.Summary?.TestFiringRates), "test set", "firing rates (test)", TestFile, drawn);
    }

    private static IReadOnlyDictionary<string, double[]> Pick(IReadOnlyDictionary<string, double[]>? metrics, IReadOnlyDictionary<string, double[]>? summary) =>
        metrics is { Count: > 0 } ? metrics : summary ?? new Dictionary<string, double[]>();

    private static void Draw(PlottedRun run, IReadOnlyDictionary<string, double[]> rates, string over, string figure, string file, DrawnFigures drawn)
    {
        var layers = rates.Where(pair => pair.Value is { Length: > 0 }).ToArray();
        if (layers.Length == 0)
        {
            drawn.Skip(figure, $"the run recorded none (metrics.jsonl's last epoch and summary.json have no {(file == TestFile ? "test_firing_rates" : "firing_rates")})");
            return;
        }
        var timesteps = layers.Max(l => l.Value.Length);
        var cells = new double[layers.Length, timesteps];
        for (var row = 0; row < layers.Length; row++)
            for (var t = 0; t < timesteps; t++)
                cells[row, t] = t < layers[row].Value.Length ? layers[row].Value[t] : double.NaN;

        using var plot = PlotStyle.Create(
            run.Identity.Title($"Firing rate per spiking layer and timestep, {over}, epoch {run.Metrics[^1].Epoch}"), "timestep t", "spiking layer");
        var map = plot.Add.Heatmap(cells);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        // The cells' outer edges: cell (row, t) is centred on (t + 1, layers - row), timesteps from 1, the first layer at the top.
        map.Rectangle = new CoordinateRect(0.5, timesteps + 0.5, 0.5, layers.Length + 0.5);
        var bar = plot.Add.ColorBar(map);
        bar.Label = "spikes per neuron per timestep";
        bar.LabelStyle.FontSize = 13;
        if (layers.Length * timesteps <= MostLabelledCells) Label(plot, cells, map.DataRange);

        PlotStyle.IntegerTicks(plot.Axes.Bottom, 1, timesteps);
        var names = new ScottPlot.TickGenerators.NumericManual();
        for (var row = 0; row < layers.Length; row++) names.AddMajor(layers.Length - row, layers[row].Key);
        plot.Axes.Left.TickGenerator = names;
        plot.Axes.SetLimits(0.5, timesteps + 0.5, 0.5, layers.Length + 0.5);
        PngFile.Save(plot, run.Figure(file), drawn);
    }

    /// <summary>Writes each cell's value in it, dark on the light end of the colour map and light on the dark end.</summary>
    private static void Label(Plot plot, double[,] cells, ScottPlot.Range range)
    {
        var rows = cells.GetLength(0);
        for (var row = 0; row < rows; row++)
            for (var t = 0; t < cells.GetLength(1); t++)
            {
                var value = cells[row, t];
                if (double.IsNaN(value)) continue;
                var text = plot.Add.Text(value.ToString("0.000", CultureInfo.InvariantCulture), t + 1, rows - row);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = 12;
                var light = range.Max > range.Min && (value - range.Min) / (range.Max - range.Min) > 0.6;
                text.LabelFontColor = light ? Colors.Black : Colors.White;
            }
    }
}
