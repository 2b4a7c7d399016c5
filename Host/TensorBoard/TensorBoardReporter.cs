using System.Globalization;
using Neuromorph.Engine.Training;
using Neuromorph.Host.Configuration;
using TorchSharp.Modules;
using static TorchSharp.torch.utils;

namespace Neuromorph.Host.TensorBoard;

/// <summary>
/// Writes a run's figures as TensorBoard event files into <c>&lt;run-dir&gt;/tensorboard/</c> with TorchSharp's
/// <c>SummaryWriter</c> (<see cref="TensorBoardSummaries"/> lists the tags): every <c>run.log_every</c>-th iteration's
/// figures, and each epoch's once it is recorded. The step is the global iteration.
/// </summary>
/// <remarks>
/// TorchSharp's writer opens, appends to, flushes and closes its file for every event: nothing is buffered, so an
/// epoch's end or a stop leaves nothing to flush and no handle to release, and a kill loses at most the record being
/// written. Measured on 2 shared cores: 0.05 to 0.15 ms an event, so 0.3 to 0.5 ms for a logged iteration (3 events)
/// and 3 to 6 ms for an epoch (60 events), against about 1.2 s for a quickstart iteration there: with
/// <c>log_every = 1</c>, a 1-epoch quickstart run spent 0.03 s more in its observers out of about 58 s of training.
/// A resumed run first cuts the files back to its checkpoint's iteration (<see cref="EventFileTrim"/>) and then adds
/// what is missing of the finished epochs recorded in <c>metrics.jsonl</c> (a process killed after the epoch's
/// checkpoint but before its TensorBoard figures): every tag has each step once across the files.
/// </remarks>
internal sealed class TensorBoardReporter(RunDirectory directory, int logEvery, Action<string> log) : ITrainingObserver
{
    private SummaryWriter? writer;
    private long iterationsPerEpoch;

    /// <summary>
    /// The reporter of a run of <paramref name="iterations"/> iterations in all; TorchSharp's writer takes 32-bit steps,
    /// so a longer run is a configuration error.
    /// </summary>
    public static TensorBoardReporter Create(RunDirectory directory, int logEvery, long iterations, Action<string> log)
    {
        if (iterations > int.MaxValue)
            throw new ConfigurationException(string.Create(CultureInfo.InvariantCulture,
                $"run.tensorboard = true: this run has {iterations:N0} iterations, and TorchSharp's TensorBoard writer records steps as " +
                $"32-bit integers (at most {int.MaxValue:N0}). Set run.tensorboard = false, or train fewer epochs or larger batches."));
        return new TensorBoardReporter(directory, logEvery, log);
    }

    public void RunStarted(SimulationClock clock)
    {
        iterationsPerEpoch = clock.IterationsPerEpoch;
        var kept = EventFileTrim.KeepUpTo(directory.TensorBoardPath, clock.GlobalIteration, log);
        writer = tensorboard.SummaryWriter(directory.TensorBoardPath);
        foreach (var metrics in directory.ReadMetrics())
            Write(TensorBoardSummaries.OfEpoch(metrics, EndOf(metrics)).Where(entry => !kept.Contains((entry.StoredTag, entry.Step))));
    }

    public void IterationCompleted(SimulationClock clock, IterationReport report)
    {
        if (clock.GlobalIteration % logEvery == 0) Write(TensorBoardSummaries.OfIteration(report, clock.GlobalIteration));
    }

    public void EpochCompleted(EpochMetrics metrics) => Write(TensorBoardSummaries.OfEpoch(metrics, EndOf(metrics)));

    /// <summary>The global iteration at which an epoch ended: every epoch runs the same number of iterations.</summary>
    private long EndOf(EpochMetrics metrics) => metrics.Epoch * iterationsPerEpoch;

    private void Write(IEnumerable<TensorBoardEntry> entries)
    {
        var events = writer ?? throw new InvalidOperationException("The TensorBoard reporter writes only after the run started.");
        foreach (var entry in entries)
        {
            // Create() bounds every step of the run to 32 bits.
            var step = (int)entry.Step;
            if (entry.Text is null)
                events.add_scalar(entry.Tag, (float)entry.Value, step);
            else
                events.add_text(entry.Tag, entry.Text, step);
        }
    }
}
