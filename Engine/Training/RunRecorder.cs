using Neuromorph.Data;
using Neuromorph.Engine.Network;
using TorchSharp.Modules;

namespace Neuromorph.Engine.Training;

/// <summary>
/// Writes what a run leaves behind, always whole and always consistent: an epoch's line in <c>metrics.jsonl</c>,
/// <c>summary.json</c>, and the checkpoints. <c>last.ckpt</c> is written first; when the epoch is the best so far,
/// <c>best.ckpt</c> becomes a copy of it; the summary comes last. A kill between two of these leaves a
/// <c>last.ckpt</c> that names its best epoch, and <see cref="Resume"/> repairs a <c>best.ckpt</c> that lags behind it.
/// Besides the epoch ends, <c>last.ckpt</c> is written every <see cref="TrainingSettings.CheckpointEvery"/> at an
/// iteration boundary, so a crash loses at most that much work.
/// </summary>
internal sealed class RunRecorder(
    RunDirectory directory, SpikingNetwork network, OptimizerHelper optimizer, RunDescription description,
    TrainingSettings settings, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private long lastCheckpoint = (time ?? TimeProvider.System).GetTimestamp();

    public RunDirectory Directory => directory;

    /// <summary>Whether a periodic checkpoint is due (never when <see cref="TrainingSettings.CheckpointEvery"/> is zero).</summary>
    public bool CheckpointDue =>
        settings.CheckpointEvery > TimeSpan.Zero && clock.GetElapsedTime(lastCheckpoint) >= settings.CheckpointEvery;

    /// <summary>Writes <c>last.ckpt</c> from <paramref name="ledger"/>, and <c>best.ckpt</c> as its copy when <paramref name="isBest"/>.</summary>
    /// <returns>The files written.</returns>
    public IReadOnlyList<string> WriteCheckpoint(TrainingLedger ledger, bool isBest)
    {
        CheckpointFile.Write(directory.LastCheckpointPath, ledger.Header(description.Model, network.Timesteps), network, optimizer);
        lastCheckpoint = clock.GetTimestamp();
        if (!isBest || !settings.KeepBest) return [directory.LastCheckpointPath];
        CopyLastToBest();
        return [directory.LastCheckpointPath, directory.BestCheckpointPath];
    }

    public void AppendEpoch(EpochMetrics metrics) => directory.AppendMetrics(metrics);

    /// <summary>
    /// Writes <c>summary.json</c> from the finished epochs in <c>metrics.jsonl</c>: diagnostics folded over the run, firing
    /// rates those of the last epoch.
    /// </summary>
    public void WriteSummary(TrainingLedger ledger, bool completed)
    {
        var finished = directory.ReadMetrics();
        var last = finished.Count > 0 ? finished[^1] : null;
        directory.WriteSummary(new RunSummary(
            description.Dataset,
            description.Model,
            description.Neuron,
            description.Scheme,
            network.Timesteps,
            ledger.Clock.Epochs,
            finished.Count,
            completed,
            description.Seed,
            network.parameters().Sum(p => p.numel()),
            last?.TestAccuracy ?? 0,
            last?.TestAccuracyAtTimesteps ?? [],
            Math.Max(0, ledger.BestAccuracy),
            ledger.BestEpoch,
            ledger.Throughputs.Count > 0 ? ledger.Throughputs.Average() : 0,
            ledger.WallSeconds,
            RunDiagnostics.Fold(finished))
        {
            FiringRates = last?.FiringRates ?? new Dictionary<string, double[]>(),
            TestFiringRates = last?.TestFiringRates ?? new Dictionary<string, double[]>(),
        });
    }

    /// <summary>
    /// Continues from <c>last.ckpt</c>: loads weights and optimizer state, keeps the metrics of the epochs it had
    /// finished, and repairs <c>best.ckpt</c> when the process ended between writing the two. Returns the ledger to
    /// continue with.
    /// </summary>
    public TrainingLedger Resume(int iterationsPerEpoch, int epochs)
    {
        var header = CheckpointFile.Read(directory.LastCheckpointPath, new CheckpointExpectation(description.Model, network.Timesteps), network, optimizer);
        RepairBest(header);
        directory.TruncateMetrics(header.Epoch);
        var throughputs = directory.ReadMetrics().Select(m => m.TrainSamplesPerSecond);
        return TrainingLedger.Resumed(header, iterationsPerEpoch, epochs, throughputs, directory.ReadSummary()?.WallSeconds ?? 0);
    }

    /// <summary>
    /// A <c>last.ckpt</c> written at the end of its best epoch is what <c>best.ckpt</c> must hold: if <c>best.ckpt</c> is
    /// missing or from another epoch, the process ended before copying it, and the copy is made now.
    /// </summary>
    private void RepairBest(CheckpointHeader last)
    {
        if (!settings.KeepBest || last.IterationInEpoch != 0 || last.BestEpoch != last.Epoch || last.Epoch == 0) return;
        var bestPath = directory.BestCheckpointPath;
        if (File.Exists(bestPath) && ReadEpoch(bestPath) == last.Epoch) return;
        CopyLastToBest();
    }

    private static int? ReadEpoch(string path)
    {
        try
        {
            var header = CheckpointFile.Verify(path);
            return header.IterationInEpoch == 0 ? header.Epoch : null;
        }
        catch (CheckpointException)
        {
            return null;
        }
    }

    private void CopyLastToBest() => AtomicFile.Write(directory.BestCheckpointPath, target =>
    {
        using var source = File.OpenRead(directory.LastCheckpointPath);
        source.CopyTo(target);
    });
}
