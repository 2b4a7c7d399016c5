using Neuromorph.Abstractions;
using Neuromorph.Data;
using Neuromorph.Engine.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>
/// The game loop of training. One iteration (one mini-batch) is one frame, run as named stages: frame (simulate T
/// timesteps, objective, backpropagation, optimizer step, in its own dispose scope so the live tensor count stays flat)
/// → collect → record → observers → boundary (hot reload, periodic checkpoint). At each epoch's end: evaluate →
/// record → checkpoint. Where the run stands lives in the <see cref="TrainingLedger"/>, what it writes goes through the
/// <see cref="RunRecorder"/>, what may change mid-run is read from the <see cref="RunSlots"/>; every stage's time goes
/// to the epoch's <see cref="StepPhaseTimes"/>.
/// </summary>
internal sealed class TrainingLoop(
    SpikingNetwork network,
    TrainingStep step,
    RunSlots slots,
    OptimizerHelper optimizer,
    LearningRateSchedule schedule,
    BatchLoader trainBatches,
    BatchLoader testBatches,
    RunRecorder recorder,
    TrainingSettings settings,
    IReadOnlyList<ITrainingObserver> observers,
    IIterationBoundary? boundary = null) : IDisposable
{
    private readonly BufferSnapshot buffers = new(network);
    private TrainingLedger ledger = new(trainBatches.BatchesPerEpoch, settings.Epochs);
    private INeuronModel neuronInForce = slots.Neuron;

    public SimulationClock Clock => ledger.Clock;

    /// <summary>Continues from the run directory's <c>last.ckpt</c>: weights, optimizer state and progress.</summary>
    public void Resume() => ledger = recorder.Resume(trainBatches.BatchesPerEpoch, settings.Epochs);

    public TrainingOutcome Run(CancellationToken stopping)
    {
        foreach (var observer in observers) observer.RunStarted(ledger.Clock);
        while (!ledger.Clock.IsFinished)
        {
            if (!TrainEpoch(stopping)) return Stop();
            FinishEpoch();
            // A stop requested during the evaluation: the epoch's checkpoint is already written.
            if (stopping.IsCancellationRequested && !ledger.Clock.IsFinished) return TrainingOutcome.Interrupted;
        }
        recorder.WriteSummary(ledger, completed: true);
        return TrainingOutcome.Completed;
    }

    /// <summary>The rest of the current epoch, frame by frame; false when a stop was requested.</summary>
    private bool TrainEpoch(CancellationToken stopping)
    {
        network.train();
        var phases = ledger.Epoch.Phases;
        phases.Restart();
        using var batches = trainBatches.Epoch(ledger.Clock.Epoch, ledger.Clock.IterationInEpoch).GetEnumerator();
        while (NextBatch(batches))
        {
            phases.End(StepPhase.Data);
            if (stopping.IsCancellationRequested) return false;
            var report = Frame(batches.Current);
            CollectionPoint.Reached();
            phases.End(StepPhase.Collect);
            ledger.Add(report);
            foreach (var observer in observers) observer.IterationCompleted(ledger.Clock, report);
            phases.End(StepPhase.Observe);
            Boundary();
            phases.End(StepPhase.Boundary);
        }
        return true;
    }

    /// <summary>The next batch; a batch that cannot be made (a corrupt file) ends the run after saving it.</summary>
    private bool NextBatch(IEnumerator<Batch> batches)
    {
        try
        {
            return batches.MoveNext();
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            SaveAfterFailure(failure);
            throw;
        }
    }

    /// <summary>
    /// One iteration. A failure before the optimizer step (a plugin that throws, a diverged loss) leaves the run as the
    /// last completed iteration left it, once the batch-norm statistics are restored: that state is saved before the
    /// failure ends the run.
    /// </summary>
    private IterationReport Frame(Batch batch)
    {
        buffers.Capture();
        var phases = ledger.Epoch.Phases;
        phases.CountStep();
        var applying = false;
        try
        {
            using var scope = NewDisposeScope();
            var computed = step.Compute(batch, ledger.Clock.GlobalIteration, phases);
            applying = true;
            return step.Apply(computed, schedule.RateAt(ledger.Clock, slots.BaseLearningRate), phases);
        }
        catch (Exception failure) when (!applying && failure is not OutOfMemoryException)
        {
            buffers.Restore();
            SaveAfterFailure(failure);
            throw;
        }
    }

    /// <summary>Between two iterations: plugins and settings may change, the network follows, a checkpoint may be due.</summary>
    private void Boundary()
    {
        if (boundary is not null) ledger.Epoch.PluginReloads.AddRange(boundary.Apply(ledger.Clock));
        FollowNeuronModel();
        if (recorder.CheckpointDue) Checkpoint(isBest: false);
    }

    /// <summary>A new neuron model in force: the layers keep the parameters it declares alike and re-create the others.</summary>
    private void FollowNeuronModel()
    {
        if (ReferenceEquals(slots.Neuron, neuronInForce)) return;
        neuronInForce = slots.Neuron;
        var changes = NeuronModelSwap.Apply(network, slots.NeuronModel, optimizer)
            .Where(change => change.Kind != NeuronParameterChangeKind.Kept)
            .ToArray();
        if (changes.Length == 0) return;
        foreach (var observer in observers) observer.NeuronParametersChanged(changes);
    }

    /// <summary>Evaluate → record → checkpoint, at an epoch's end.</summary>
    private void FinishEpoch()
    {
        var clock = ledger.Clock;
        var startRate = schedule.RateAt(clock with { GlobalIteration = clock.GlobalIteration - clock.IterationInEpoch }, slots.BaseLearningRate);
        var phases = ledger.Epoch.Phases;
        phases.Restart();
        var evaluation = Evaluator.Evaluate(network, testBatches);
        phases.End(StepPhase.Evaluate);
        var (metrics, isBest) = ledger.CloseEpoch(evaluation, startRate);
        recorder.AppendEpoch(metrics);
        Checkpoint(isBest);
        recorder.WriteSummary(ledger, completed: ledger.Clock.IsFinished);
        foreach (var observer in observers) observer.EpochCompleted(metrics);
    }

    private TrainingOutcome Stop()
    {
        Checkpoint(isBest: false);
        recorder.WriteSummary(ledger, completed: false);
        return TrainingOutcome.Interrupted;
    }

    private void SaveAfterFailure(Exception failure)
    {
        try
        {
            Checkpoint(isBest: false);
            recorder.WriteSummary(ledger, completed: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The failure is what the user must hear about; the previous checkpoint is still whole.
            return;
        }
        foreach (var observer in observers) observer.SavedAfterFailure(ledger.Clock, failure);
    }

    private void Checkpoint(bool isBest)
    {
        foreach (var path in recorder.WriteCheckpoint(ledger, isBest))
            foreach (var observer in observers) observer.CheckpointWritten(path, ledger.Clock);
    }

    public void Dispose() => buffers.Dispose();
}
