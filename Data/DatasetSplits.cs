namespace Neuromorph.Data;

/// <summary>A dataset's training and test splits, images or frame sequences.</summary>
internal sealed record DatasetSplits(ISampleSource Train, ISampleSource Test);
