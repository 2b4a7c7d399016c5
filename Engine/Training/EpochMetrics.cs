namespace Neuromorph.Engine.Training;

/// <summary>One line of <c>metrics.jsonl</c>: the figures of one finished epoch (epochs count from 1).</summary>
/// <remarks>
/// <see cref="Iterations"/> and <see cref="DiagnosticAggregations"/> (each diagnostic's fold, <c>"sum"</c> or
/// <c>"mean"</c>) let <see cref="RunDiagnostics"/> fold the epochs' diagnostics into the run's from this log
/// alone, so the run-level figures survive a resume. Lines written before they existed read as 0 and empty.
/// </remarks>
internal sealed record EpochMetrics(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double TestAccuracy,
    double[] TestAccuracyAtTimesteps,
    double Lr,
    double Seconds,
    double TrainSamplesPerSecond,
    IReadOnlyDictionary<string, double[]> Diagnostics)
{
    /// <summary>
    /// Seconds the training thread spent waiting for the next batch during the epoch (batches are prepared on
    /// a background thread; near zero means data loading never held training up).
    /// </summary>
    public double DataWaitSeconds { get; init; }

    /// <summary>
    /// Seconds spent computing the distillation scheme's term (forward) during the epoch; against the
    /// epoch's training time it is the scheme's share of an iteration.
    /// </summary>
    public double DistillationSeconds { get; init; }

    /// <summary>
    /// Seconds spent making adversarial training examples during the epoch (0 without adversarial training);
    /// part of the epoch's training time.
    /// </summary>
    public double AdversarialSeconds { get; init; }

    /// <summary>
    /// Where the epoch's time went: seconds per stage of the loop (<c>data</c>, <c>inputs</c>, <c>adversarial</c>,
    /// <c>forward</c>, <c>distillation</c>, <c>objective</c>, <c>backward</c>, <c>optimizer</c>, <c>readout</c>,
    /// <c>collect</c>, <c>observe</c>, <c>boundary</c>, <c>evaluate</c>); they add up to <see cref="EpochMetrics.Seconds"/>. Lines written before it existed read as empty.
    /// </summary>
    public IReadOnlyDictionary<string, double> PhaseSeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>How many training iterations the epoch ran.</summary>
    public int Iterations { get; init; }

    /// <summary>How each of <see cref="Diagnostics"/> was folded over the epoch: <c>"sum"</c> or <c>"mean"</c>.</summary>
    public IReadOnlyDictionary<string, string> DiagnosticAggregations { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Plugins swapped (or refused) during the epoch by hot reload (<c>[plugins] hot_reload</c>), in order;
    /// empty when nothing changed. Lines written before it existed read as empty.
    /// </summary>
    public IReadOnlyList<PluginReload> PluginReloads { get; init; } = [];

    /// <summary>
    /// Mean spike rate (spikes per neuron per timestep) of each spiking layer at each timestep over the epoch's training
    /// iterations: layer name → [T]. Empty when not measured (lines written before it existed read as empty).
    /// </summary>
    public IReadOnlyDictionary<string, double[]> FiringRates { get; init; } = new Dictionary<string, double[]>();

    /// <summary>The same over the epoch's evaluation of the test set: layer name → [T].</summary>
    public IReadOnlyDictionary<string, double[]> TestFiringRates { get; init; } = new Dictionary<string, double[]>();
}
