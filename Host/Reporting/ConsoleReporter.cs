using System.Diagnostics;
using System.Globalization;
using Neuromorph.Engine.Training;

namespace Neuromorph.Host.Reporting;

/// <summary>
/// Shows training progress: a progress bar redrawn in place when the output is a terminal, otherwise one
/// plain log line every <c>logEvery</c> iterations (so CI logs stay readable), and a line per epoch.
/// </summary>
internal sealed class ConsoleReporter(TextWriter output, bool interactive, int logEvery) : ITrainingObserver
{
    private const int BarWidth = 28;
    private readonly Stopwatch sinceLastLine = Stopwatch.StartNew();
    private double lossSum;
    private long correct;
    private long samples;
    private int iterations;
    private long samplesSinceLastLine;

    public void RunStarted(SimulationClock clock)
    {
        if (clock.GlobalIteration > 0)
            output.WriteLine($"resuming at epoch {clock.Epoch + 1}, iteration {clock.IterationInEpoch} of {clock.IterationsPerEpoch}");
        sinceLastLine.Restart();
    }

    public void IterationCompleted(SimulationClock clock, IterationReport report)
    {
        lossSum += report.Loss;
        correct += report.Correct;
        samples += report.Samples;
        samplesSinceLastLine += report.Samples;
        iterations++;
        if (interactive)
        {
            if (sinceLastLine.ElapsedMilliseconds < 100 && clock.IterationInEpoch < clock.IterationsPerEpoch) return;
            var filled = (int)Math.Round(BarWidth * (double)clock.IterationInEpoch / Math.Max(1, clock.IterationsPerEpoch));
            output.Write($"\repoch {clock.Epoch + 1}/{clock.Epochs} [{new string('#', filled)}{new string('.', BarWidth - filled)}] " +
                         $"{clock.IterationInEpoch}/{clock.IterationsPerEpoch} {Figures(report)}   ");
            ResetLineWindow();
        }
        else if (clock.GlobalIteration % Math.Max(1, logEvery) == 0)
        {
            output.WriteLine($"epoch {clock.Epoch + 1}/{clock.Epochs} iteration {clock.IterationInEpoch}/{clock.IterationsPerEpoch} {Figures(report)}");
            ResetLineWindow();
        }
    }

    public void EpochCompleted(EpochMetrics metrics)
    {
        if (interactive) output.WriteLine();
        var atK = string.Join(" ", metrics.TestAccuracyAtTimesteps.Select(a => a.ToString("F4", CultureInfo.InvariantCulture)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"epoch {metrics.Epoch} done: train loss {metrics.TrainLoss:F4} train acc {metrics.TrainAccuracy:F4} " +
            $"test acc {metrics.TestAccuracy:F4} (first k timesteps: {atK}){FiringRate(metrics)} lr {metrics.Lr:G4} " +
            $"{metrics.TrainSamplesPerSecond:F0} samples/s {metrics.Seconds:F1} s"));
        lossSum = 0;
        correct = 0;
        samples = 0;
        iterations = 0;
    }

    public void NeuronParametersChanged(IReadOnlyList<Engine.Network.NeuronParameterChange> changes)
    {
        foreach (var change in changes) WriteLine($"neuron parameter {change}");
    }

    public void SavedAfterFailure(SimulationClock clock, Exception failure) =>
        WriteLine($"saved: checkpoints/last.ckpt holds the run after iteration {clock.GlobalIteration} (epoch {clock.Epoch + 1}, " +
                  $"iteration {clock.IterationInEpoch} of {clock.IterationsPerEpoch}); once the problem below is fixed, " +
                  "'train --resume' continues from there.");

    /// <summary>
    /// The epoch's firing rate in training and on the test set, each the mean over the neuron layers (each counts the same)
    /// and the timesteps; nothing when not measured.
    /// </summary>
    private static string FiringRate(EpochMetrics metrics)
    {
        static double Mean(IReadOnlyDictionary<string, double[]> rates) => rates.Values.Average(perTimestep => perTimestep.Average());
        if (metrics.FiringRates.Count == 0 || metrics.TestFiringRates.Count == 0) return "";
        return string.Create(CultureInfo.InvariantCulture, $" firing rate {Mean(metrics.FiringRates):F4} (test {Mean(metrics.TestFiringRates):F4})");
    }

    /// <summary>A line of its own (below the progress bar on a terminal).</summary>
    private void WriteLine(string line) => output.WriteLine(interactive ? Environment.NewLine + line : line);

    private string Figures(IterationReport report)
    {
        var rate = samplesSinceLastLine / Math.Max(1e-9, sinceLastLine.Elapsed.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"loss {lossSum / Math.Max(1, iterations):F4} acc {(double)correct / Math.Max(1, samples):F4} lr {report.LearningRate:G4} {rate:F0} samples/s");
    }

    private void ResetLineWindow()
    {
        samplesSinceLastLine = 0;
        sinceLastLine.Restart();
    }
}
