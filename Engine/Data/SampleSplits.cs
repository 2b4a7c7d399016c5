namespace Neuromorph.Engine.Data;

/// <summary>A dataset's training and test splits, images or frame sequences.</summary>
internal sealed record SampleSplits(ISampleSet Train, ISampleSet Test)
{
    /// <summary>The splits of an image dataset.</summary>
    public static SampleSplits Of(DatasetSplits images) => new(images.Train, images.Test);
}
