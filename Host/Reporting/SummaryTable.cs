using System.Globalization;
using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Reporting;

/// <summary>Prints a finished run's summary: the final accuracies and where the files are.</summary>
internal static class SummaryTable
{
    public static void Write(RunDirectory runDirectory, TextWriter output)
    {
        var summary = runDirectory.ReadSummary();
        if (summary is null) return;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine($"{summary.Model} ({summary.Neuron}, T = {summary.Timesteps}, scheme {summary.Scheme}) on {summary.Dataset}, {summary.EpochsCompleted}/{summary.Epochs} epochs, seed {summary.Seed}");
        output.WriteLine(string.Create(inv, $"  test accuracy        {summary.TestAccuracy:F4}   (best {summary.BestTestAccuracy:F4} at epoch {summary.BestEpoch})"));
        for (var k = 0; k < summary.TestAccuracyAtTimesteps.Length; k++)
            output.WriteLine(string.Create(inv, $"  first {k + 1} timestep{(k == 0 ? " " : "s")}    {summary.TestAccuracyAtTimesteps[k]:F4}"));
        output.WriteLine(string.Create(inv, $"  training throughput  {summary.TrainSamplesPerSecond:F0} samples/s, wall time {summary.WallSeconds:F1} s"));
        var tensorboard = Directory.Exists(runDirectory.TensorBoardPath) ? ", tensorboard/" : "";
        output.WriteLine($"  files                {runDirectory.Path} (summary.json, metrics.jsonl, checkpoints/{tensorboard})");
    }
}
