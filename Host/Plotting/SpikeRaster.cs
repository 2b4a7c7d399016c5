using System.Globalization;
using Neuromorph.Host.Cli;
using Neuromorph.Host.Composition;
using Neuromorph.Host.Configuration;
using ScottPlot;

namespace Neuromorph.Host.Plotting;

/// <summary>
/// <c>raster.png</c> (<c>plot --raster</c>): the run's network, rebuilt and loaded from its checkpoint as <c>eval</c> does,
/// run on the first test sample; a mark for every spike of 32 neurons per spiking layer (spread over the layer by a fixed rule)
/// at each of the T timesteps, layers from the input side down, each labelled with the share of all its neurons that fired.
/// </summary>
internal static class SpikeRaster
{
    public const string File = "raster.png";
    public const int NeuronsPerLayer = 32;

    /// <summary>Pixels per neuron row once the rows no longer fit the standard height.</summary>
    private const int RowPixels = 4;

    /// <summary>The raster's height: the standard height, or 4 pixels per neuron row (plus margins) for deep networks.</summary>
    public static int Height(int rows) => Math.Max(PlotStyle.Height, 160 + RowPixels * rows);

    /// <exception cref="Engine.Training.CheckpointException">No checkpoint, or one that does not verify (exit 3).</exception>
    public static void Draw(PlottedRun run, string checkpoint, DrawnFigures drawn, TextWriter output)
    {
        var (directory, checkpointPath) = TrainedRun.Open(run.Directory.Path, checkpoint);
        var configuration = ConfigurationLoader.Load(directory.ConfigPath, []);
        using var experiment = ExperimentFactory.Create(configuration);
        TrainedRun.Load(checkpointPath, experiment, output);
        using var batches = experiment.CreateTestBatches(1);
        var sample = batches.Epoch(0).First();
        var recording = SpikeRecording.Of(experiment.Network, sample, NeuronsPerLayer);
        Draw(run, recording, Path.GetFileName(checkpointPath), drawn);
    }

    public static void Draw(PlottedRun run, SpikeRecording recording, string checkpoint, DrawnFigures drawn)
    {
        var rows = recording.Layers.Sum(l => l.Chosen.Length);
        var shown = recording.Layers.Max(l => l.Chosen.Length);
        using var plot = PlotStyle.Create(
            run.Identity.Title($"Spikes of {shown} neurons per spiking layer, test sample {recording.Index} (class {recording.Label}), {checkpoint}"),
            "timestep t", "neuron (32 spread over the layer)");
        var names = new ScottPlot.TickGenerators.NumericManual();
        var top = 0;
        for (var l = 0; l < recording.Layers.Count; l++)
        {
            var layer = recording.Layers[l];
            var xs = new List<double>();
            var ys = new List<double>();
            for (var j = 0; j < layer.Chosen.Length; j++)
                for (var t = 0; t < recording.Timesteps; t++)
                    if (layer.Spikes[j, t])
                    {
                        xs.Add(t + 1);
                        ys.Add(rows - (top + j));
                    }
            var marks = plot.Add.Markers(xs.ToArray(), ys.ToArray(), MarkerShape.FilledSquare, 5, PlotStyle.Series(l));
            marks.LegendText = "";
            names.AddMajor(rows - top - (layer.Chosen.Length - 1) / 2.0,
                string.Create(CultureInfo.InvariantCulture, $"{layer.Layer}\n{100 * layer.FiringRate:0.#} % of {layer.Neurons:N0} fire"));
            top += layer.Chosen.Length;
            if (l < recording.Layers.Count - 1)
                plot.Add.HorizontalLine(rows - top + 0.5, 1, PlotStyle.Reference, LinePattern.Dashed);
        }
        plot.Axes.Left.TickGenerator = names;
        // Grid lines at the layers' labels would run through their spikes; the dashed lines part the layers.
        plot.HideGrid();
        PlotStyle.IntegerTicks(plot.Axes.Bottom, 1, recording.Timesteps);
        plot.Axes.SetLimits(0.5, recording.Timesteps + 0.5, 0.5, rows + 0.5);
        PngFile.Save(plot, run.Figure(File), drawn, PlotStyle.Width, Height(rows));
    }
}
