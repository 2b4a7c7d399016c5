using System.Diagnostics;
using Neuromorph.Data;
using Neuromorph.Engine.Network;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Training;

/// <summary>
/// The game loop of training. One iteration (one mini-batch) is one frame: simulate T timesteps, compute
/// the loss, backpropagate, step the optimizer, tell the observers. Each frame lives in its own dispose
/// scope, so the number of live tensors stays flat however long the run. At each epoch's end the network
/// is evaluated and checkpoints <c>last</c> (and <c>best</c>) are written. Between two frames, after the
/// observers, the optional <see cref="IIterationBoundary"/> may swap plugins (hot reload).
/// </summary>
internal sealed class TrainingLoop(
    SpikingNetwork network,
    OptimizerHelper optimizer,
    Objective objective,
    LearningRateSchedule schedule,
    BatchLoader trainBatches,
    BatchLoader testBatches,
    RunDirectory runDirectory,
    RunDescription description,
    TrainingSettings settings,
    IReadOnlyList<ITrainingObserver> observers,
    Robustness.AdversarialMix? adversarial = null,
    IIterationBoundary? boundary = null)
{
    private readonly TrainingStep step = new(network, optimizer, objective, adversarial);
    private SimulationClock clock = new(0, 0, 0, trainBatches.BatchesPerEpoch, settings.Epochs);
    private EpochAccumulator epoch = new();
    private double bestAccuracy = -1;
    private int bestEpoch;
    private EvaluationResult? lastEvaluation;
    private readonly List<double> epochThroughputs = [];
    private TimeSpan epochDataWaitStart;
    private TimeSpan epochSchemeTimeStart;
    private TimeSpan epochAttackTimeStart;
    private IReadOnlyDictionary<string, Abstractions.Diagnostic> lastDiagnostics = new Dictionary<string, Abstractions.Diagnostic>();

    public SimulationClock Clock => clock;

    /// <summary>
    /// The learning-rate schedule, replaceable between iterations (a reloaded base rate); the schedule is a pure
    /// function of progress, so the position in it is unchanged.
    /// </summary>
    public LearningRateSchedule Schedule
    {
        get => schedule;
        set => schedule = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Continues from <c>last.ckpt</c> of the run directory: weights, optimizer state and progress.</summary>
    public void Resume()
    {
        var header = CheckpointFile.Read(runDirectory.LastCheckpointPath, new CheckpointExpectation(description.Model, network.Timesteps), network, optimizer);
        if (header.Model != description.Model || header.Timesteps != network.Timesteps)
            throw new CheckpointException(
                $"Checkpoint '{runDirectory.LastCheckpointPath}' is for model '{header.Model}' at T = {header.Timesteps}, not '{description.Model}' at T = {network.Timesteps}.");
        clock = clock with { Epoch = header.Epoch, IterationInEpoch = header.IterationInEpoch, GlobalIteration = header.GlobalIteration };
        epoch = header.Partial;
        bestAccuracy = header.BestAccuracy;
        bestEpoch = header.BestEpoch;
        runDirectory.TruncateMetrics(header.Epoch);
        epochThroughputs.AddRange(runDirectory.ReadMetrics().Select(m => m.TrainSamplesPerSecond));
    }

    public TrainingOutcome Run(CancellationToken stopping)
    {
        var wall = Stopwatch.StartNew();
        var wallBefore = runDirectory.ReadSummary()?.WallSeconds ?? 0;
        foreach (var observer in observers) observer.RunStarted(clock);
        while (!clock.IsFinished)
        {
            network.train();
            var epochWatch = Stopwatch.StartNew();
            epochDataWaitStart = trainBatches.ConsumerWaitTime;
            epochSchemeTimeStart = objective.SchemeTime;
            epochAttackTimeStart = adversarial?.AttackTime ?? TimeSpan.Zero;
            foreach (var batch in trainBatches.Epoch(clock.Epoch, clock.IterationInEpoch))
            {
                var report = RunIteration(batch);
                CollectionPoint.Reached();
                epoch.Add(report.Loss, report.Correct, report.Samples, report.Seconds, lastDiagnostics);
                clock = clock.Next();
                foreach (var observer in observers) observer.IterationCompleted(clock, report);
                if (boundary is not null) epoch.PluginReloads.AddRange(boundary.Apply(clock));
                if (stopping.IsCancellationRequested)
                {
                    epoch.Seconds += epochWatch.Elapsed.TotalSeconds;
                    WriteCheckpoint(runDirectory.LastCheckpointPath);
                    WriteSummary(wallBefore + wall.Elapsed.TotalSeconds, completed: false);
                    return TrainingOutcome.Interrupted;
                }
            }
            epoch.Seconds += epochWatch.Elapsed.TotalSeconds;
            FinishEpoch(wallBefore + wall.Elapsed.TotalSeconds);
            // A stop requested during the evaluation: the epoch's checkpoint is already written.
            if (stopping.IsCancellationRequested && !clock.IsFinished) return TrainingOutcome.Interrupted;
        }
        WriteSummary(wallBefore + wall.Elapsed.TotalSeconds, completed: true);
        return TrainingOutcome.Completed;
    }

    private IterationReport RunIteration(Batch batch)
    {
        var watch = Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        var rate = schedule.RateAt(clock);
        OptimizerFactory.SetLearningRate(optimizer, rate);
        var result = step.Run(batch, clock.GlobalIteration);
        lastDiagnostics = result.Diagnostics;
        return new IterationReport(result.Loss, result.Correct, batch.Size, rate, watch.Elapsed.TotalSeconds);
    }

    private void FinishEpoch(double wallSeconds)
    {
        var evaluationWatch = Stopwatch.StartNew();
        var evaluation = Evaluator.Evaluate(network, testBatches);
        lastEvaluation = evaluation;
        epoch.Seconds += evaluationWatch.Elapsed.TotalSeconds;
        var throughput = epoch.TrainingSeconds > 0 ? epoch.Samples / epoch.TrainingSeconds : 0;
        epochThroughputs.Add(throughput);
        var metrics = new EpochMetrics(
            clock.Epoch + 1,
            epoch.MeanLoss,
            epoch.Accuracy,
            evaluation.Accuracy,
            evaluation.AccuracyAtTimesteps,
            schedule.RateAt(clock with { GlobalIteration = clock.GlobalIteration - clock.IterationInEpoch }),
            epoch.Seconds,
            throughput,
            epoch.FoldedDiagnostics())
        {
            Iterations = epoch.Iterations,
            DataWaitSeconds = (trainBatches.ConsumerWaitTime - epochDataWaitStart).TotalSeconds,
            DistillationSeconds = (objective.SchemeTime - epochSchemeTimeStart).TotalSeconds,
            AdversarialSeconds = ((adversarial?.AttackTime ?? TimeSpan.Zero) - epochAttackTimeStart).TotalSeconds,
            DiagnosticAggregations = RunDiagnostics.Names(epoch.DiagnosticAggregations),
            PluginReloads = epoch.PluginReloads.ToArray(),
        };
        runDirectory.AppendMetrics(metrics);
        var improved = evaluation.Accuracy > bestAccuracy;
        if (improved)
        {
            bestAccuracy = evaluation.Accuracy;
            bestEpoch = clock.Epoch + 1;
        }
        clock = clock.NextEpoch();
        epoch = new EpochAccumulator();
        WriteCheckpoint(runDirectory.LastCheckpointPath);
        if (improved && settings.KeepBest) WriteCheckpoint(runDirectory.BestCheckpointPath);
        WriteSummary(wallSeconds, completed: clock.IsFinished);
        foreach (var observer in observers) observer.EpochCompleted(metrics);
    }

    private void WriteCheckpoint(string path)
    {
        var header = new CheckpointHeader(
            CheckpointHeader.CurrentFormat, description.Model, network.Timesteps, clock.Epoch, clock.IterationInEpoch,
            clock.GlobalIteration, bestAccuracy, bestEpoch, lastEvaluation?.Accuracy ?? 0, epoch);
        CheckpointFile.Write(path, header, network, optimizer);
        foreach (var observer in observers) observer.CheckpointWritten(path, clock);
    }

    /// <summary>Writes <c>summary.json</c> from the finished epochs in <c>metrics.jsonl</c>, diagnostics folded over the run.</summary>
    private void WriteSummary(double wallSeconds, bool completed)
    {
        var finished = runDirectory.ReadMetrics();
        var last = finished.Count > 0 ? finished[^1] : null;
        runDirectory.WriteSummary(new RunSummary(
            description.Dataset,
            description.Model,
            description.Neuron,
            description.Scheme,
            network.Timesteps,
            settings.Epochs,
            finished.Count,
            completed,
            description.Seed,
            network.parameters().Sum(p => p.numel()),
            last?.TestAccuracy ?? 0,
            last?.TestAccuracyAtTimesteps ?? [],
            Math.Max(0, bestAccuracy),
            bestEpoch,
            epochThroughputs.Count > 0 ? epochThroughputs.Average() : 0,
            wallSeconds,
            RunDiagnostics.Fold(finished)));
    }
}
