namespace Neuromorph.Engine.Training;

/// <summary>
/// The contents of <c>summary.json</c>: what ran and how well it did (accuracies in [0, 1]).
/// <see cref="Diagnostics"/> holds the scheme's diagnostics over the whole run (see <see cref="RunDiagnostics"/>):
/// sums over every epoch, or means over every iteration.
/// </summary>
internal sealed record RunSummary(
    string Dataset,
    string Model,
    string Neuron,
    string Scheme,
    int Timesteps,
    int Epochs,
    int EpochsCompleted,
    bool Completed,
    long Seed,
    long Parameters,
    double TestAccuracy,
    double[] TestAccuracyAtTimesteps,
    double BestTestAccuracy,
    int BestEpoch,
    double TrainSamplesPerSecond,
    double WallSeconds,
    IReadOnlyDictionary<string, double[]> Diagnostics)
{
    /// <summary>The last epoch's training firing rates (<see cref="EpochMetrics.FiringRates"/>): layer name → [T].</summary>
    public IReadOnlyDictionary<string, double[]> FiringRates { get; init; } = new Dictionary<string, double[]>();

    /// <summary>The last epoch's test-set firing rates (<see cref="EpochMetrics.TestFiringRates"/>): layer name → [T].</summary>
    public IReadOnlyDictionary<string, double[]> TestFiringRates { get; init; } = new Dictionary<string, double[]>();
}
