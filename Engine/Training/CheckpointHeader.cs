namespace Neuromorph.Engine.Training;

/// <summary>
/// Training progress stored in a checkpoint beside the weights and optimizer state: the clock to continue
/// from, the best accuracy so far and the interrupted epoch's partial sums.
/// </summary>
internal sealed record CheckpointHeader(
    int FormatVersion,
    string Model,
    int Timesteps,
    int Epoch,
    int IterationInEpoch,
    long GlobalIteration,
    double BestAccuracy,
    int BestEpoch,
    double TestAccuracy,
    EpochAccumulator Partial)
{
    public const int CurrentFormat = 1;
}
