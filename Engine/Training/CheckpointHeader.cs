namespace Neuromorph.Engine.Training;

/// <summary>
/// Training progress stored in a checkpoint beside the weights and optimizer state: the clock to continue
/// from, the best accuracy so far and the interrupted epoch's partial sums; and what the checkpoint belongs
/// to (model, T and, from format 2, the name and shape of every entry of the model's state).
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
    /// <summary>The format <see cref="CheckpointFile.Write"/> writes: 2 adds the state shapes, the part lengths and a SHA-256.</summary>
    public const int CurrentFormat = 2;

    /// <summary>The first format with the parts' lengths and a checksum.</summary>
    public const int ChecksummedFormat = 2;

    /// <summary>Format 1 (no checksum) is still read, unverified beyond its header, so older runs stay usable.</summary>
    public const int OldestReadableFormat = 1;

    /// <summary>Every parameter and buffer the weights part holds, in order; <c>null</c> in format 1.</summary>
    public IReadOnlyList<CheckpointStateShape>? StateShapes { get; init; }
}
