namespace Neuromorph.Engine.Data;

/// <summary>A dataset's training and test splits.</summary>
internal sealed record DatasetSplits(IImageSource Train, IImageSource Test);
