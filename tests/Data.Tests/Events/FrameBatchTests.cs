using Neuromorph.Data;
using Neuromorph.Data.Augmentation;
using Neuromorph.Data.Events;

namespace Neuromorph.Data.Tests.Events;

public sealed class FrameBatchTests
{
    /// <summary>
    /// Three samples of T = 2 frames of 2 × 1 × 1: sample i's bytes are (10i, 10i+1, 10i+2, 10i+3) =
    /// (frame 0 OFF, frame 0 ON, frame 1 OFF, frame 1 ON).
    /// </summary>
    private static FrameDataset Frames() => new(
        [0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23], [4, 5, 6], new FrameSettings(2, FrameSplit.Number, 1, 1), 10, "three samples");

    [Fact]
    public void Epoch_FrameSamples_AreBatchedTimeMajorWithCountsUnscaled()
    {
        using var loader = new BatchLoader(Frames(), batchSize: 3, shuffle: false, seed: 0);

        var batch = loader.Epoch(0).Single();

        batch.Shape.Should().Equal(2L, 3L, 2L, 1L, 1L);
        // [T, B, C]: frame 0 of samples 0, 1, 2, then frame 1 of samples 0, 1, 2.
        batch.Inputs.Should().Equal(0f, 1f, 10f, 11f, 20f, 21f, 2f, 3f, 12f, 13f, 22f, 23f);
        batch.Labels.Should().Equal(4L, 5L, 6L);
    }

    [Fact]
    public void Epoch_FrameSamplesOnTwoWorkers_ComeInOrderAsTimeMajorBatches()
    {
        using var loader = new BatchLoader(Frames(), batchSize: 2, shuffle: false, seed: 0, workers: 2);

        var batches = loader.Epoch(0).Select(batch => (batch.Timesteps, Inputs: batch.Inputs.ToArray(), Labels: batch.Labels.ToArray())).ToArray();

        // Worker 0 makes batch 0 (samples 0, 1), worker 1 batch 1 (sample 2); [T, B, C] each.
        batches.Should().HaveCount(2);
        batches[0].Timesteps.Should().Be(2);
        batches[0].Inputs.Should().Equal(0f, 1f, 10f, 11f, 2f, 3f, 12f, 13f);
        batches[0].Labels.Should().Equal(4L, 5L);
        batches[1].Inputs.Should().Equal(20f, 21f, 22f, 23f);
        batches[1].Labels.Should().Equal(6L);
    }

    [Fact]
    public void SampleSource_FrameDataset_HandsOutTheSamplesFramesWithCountsAsInputs()
    {
        ISampleSource frames = Frames();

        frames.SampleBytes(1, new SampleScratch()).ToArray().Should().Equal(10, 11, 12, 13);
        (frames.Timesteps, frames.SampleSize, frames.LabelOf(2)).Should().Be((2, 4, 6));
        frames.ByteScale[200].Should().Be(200f);
    }

    [Fact]
    public void Constructor_FramesWithAugmentation_IsRefused()
    {
        var act = () => new BatchLoader(Frames(), batchSize: 2, shuffle: true, seed: 0, augmentation: new AugmentationSettings(HorizontalFlip: true));

        act.Should().Throw<ArgumentException>().WithMessage("Augmentation transforms static images, but three samples holds sequences of 2 frames*");
    }

    [Fact]
    public void Take_KeepsTheFirstSamples()
    {
        var first = Frames().Take(2);

        first.Frames.Should().Equal(0, 1, 2, 3, 10, 11, 12, 13);
        first.Labels.Should().Equal(4, 5);
    }
}
