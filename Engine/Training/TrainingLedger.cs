using System.Diagnostics;

namespace Neuromorph.Engine.Training;

/// <summary>
/// Where a run stands and what it has achieved: the clock, the current epoch's sums (figures and phase times), the best
/// test accuracy and its epoch, the last one, the throughput of each finished epoch and the wall time. Everything a
/// checkpoint must hold to continue bit-exactly comes from here (<see cref="Header"/>) and goes back here
/// (<see cref="Resumed"/>); the training loop changes it only through its methods.
/// </summary>
internal sealed class TrainingLedger
{
    private readonly List<double> throughputs;
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private readonly double wallSecondsBefore;

    /// <summary>A new run at its first iteration.</summary>
    public TrainingLedger(int iterationsPerEpoch, int epochs)
        : this(new SimulationClock(0, 0, 0, iterationsPerEpoch, epochs), new EpochAccumulator(), -1, 0, 0, [], 0)
    {
    }

    private TrainingLedger(
        SimulationClock clock, EpochAccumulator epoch, double bestAccuracy, int bestEpoch, double lastTestAccuracy,
        List<double> throughputs, double wallSecondsBefore)
    {
        Clock = clock;
        Epoch = epoch;
        BestAccuracy = bestAccuracy;
        BestEpoch = bestEpoch;
        LastTestAccuracy = lastTestAccuracy;
        this.throughputs = throughputs;
        this.wallSecondsBefore = wallSecondsBefore;
    }

    public SimulationClock Clock { get; private set; }

    /// <summary>The current epoch's running sums, phase times included.</summary>
    public EpochAccumulator Epoch { get; private set; }

    /// <summary>The best test accuracy of a finished epoch so far; -1 before the first.</summary>
    public double BestAccuracy { get; private set; }

    /// <summary>The epoch (from 1) that reached <see cref="BestAccuracy"/>; 0 before the first.</summary>
    public int BestEpoch { get; private set; }

    public double LastTestAccuracy { get; private set; }

    /// <summary>Training samples per second of each finished epoch.</summary>
    public IReadOnlyList<double> Throughputs => throughputs;

    /// <summary>Wall time of the whole run, earlier sessions of a resumed run included.</summary>
    public double WallSeconds => wallSecondsBefore + wall.Elapsed.TotalSeconds;

    /// <summary>Counts a finished iteration: its figures into the epoch's sums, the clock one step on.</summary>
    public void Add(IterationReport report)
    {
        Epoch.Add(report);
        Clock = Clock.Next();
    }

    /// <summary>
    /// Closes the epoch with its evaluation: its line for <c>metrics.jsonl</c>, whether it is the best so far, the clock
    /// at the next epoch and fresh sums. <paramref name="learningRate"/> is the rate the epoch started with.
    /// </summary>
    public (EpochMetrics Metrics, bool IsBest) CloseEpoch(EvaluationResult evaluation, double learningRate)
    {
        var epoch = Epoch;
        var throughput = epoch.TrainingSeconds > 0 ? epoch.Samples / epoch.TrainingSeconds : 0;
        throughputs.Add(throughput);
        var phases = epoch.Phases;
        var metrics = new EpochMetrics(
            Clock.Epoch + 1, epoch.MeanLoss, epoch.Accuracy, evaluation.Accuracy, evaluation.AccuracyAtTimesteps,
            learningRate, epoch.Seconds, throughput, epoch.FoldedDiagnostics())
        {
            Iterations = epoch.Iterations,
            DataWaitSeconds = phases[StepPhase.Data],
            DistillationSeconds = phases[StepPhase.Distillation],
            AdversarialSeconds = phases[StepPhase.Adversarial],
            PhaseSeconds = phases.Seconds,
            DiagnosticAggregations = RunDiagnostics.Names(epoch.DiagnosticAggregations),
            PluginReloads = epoch.PluginReloads.ToArray(),
            FiringRates = epoch.Firing.Rates(),
            TestFiringRates = evaluation.Firing.Rates(),
        };
        var isBest = evaluation.Accuracy > BestAccuracy;
        if (isBest)
        {
            BestAccuracy = evaluation.Accuracy;
            BestEpoch = Clock.Epoch + 1;
        }
        LastTestAccuracy = evaluation.Accuracy;
        Clock = Clock.NextEpoch();
        Epoch = new EpochAccumulator();
        return (metrics, isBest);
    }

    /// <summary>What a checkpoint written now records beside the weights.</summary>
    public CheckpointHeader Header(string model, int timesteps) => new(
        CheckpointHeader.CurrentFormat, model, timesteps, Clock.Epoch, Clock.IterationInEpoch, Clock.GlobalIteration,
        BestAccuracy, BestEpoch, LastTestAccuracy, Epoch);

    /// <summary>
    /// The ledger of a run continued from a checkpoint's <paramref name="header"/>, with the throughputs of its finished
    /// epochs (from <c>metrics.jsonl</c>) and the wall time it had used.
    /// </summary>
    public static TrainingLedger Resumed(
        CheckpointHeader header, int iterationsPerEpoch, int epochs, IEnumerable<double> throughputs, double wallSecondsBefore) =>
        new(new SimulationClock(header.Epoch, header.IterationInEpoch, header.GlobalIteration, iterationsPerEpoch, epochs),
            header.Partial, header.BestAccuracy, header.BestEpoch, header.TestAccuracy, throughputs.ToList(), wallSecondsBefore);
}
