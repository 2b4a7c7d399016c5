namespace Neuromorph.Engine.Training;

/// <summary>One line of <c>metrics.jsonl</c>: the figures of one finished epoch (epochs count from 1).</summary>
internal sealed record EpochMetrics(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double TestAccuracy,
    double[] TestAccuracyAtTimesteps,
    double Lr,
    double Seconds,
    double TrainSamplesPerSecond,
    IReadOnlyDictionary<string, double[]> Diagnostics);
