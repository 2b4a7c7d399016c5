using Neuromorph.Data;
using Neuromorph.Data.Augmentation;

namespace Neuromorph.Data.Tests;

public sealed class BatchLoaderWorkersTests
{
    private static readonly AugmentationSettings Everything = new(
        RandomCropPadding: 1, HorizontalFlip: true, Cutout: 1, AutoAugment: AutoAugmentPolicy.Cifar10);

    /// <summary>200 RGB 4x4 images with varied pixels; label = index mod 10.</summary>
    private static ImageDataset Colour(int count = 200)
    {
        var pixels = Enumerable.Range(0, count * 48).Select(i => (byte)((i * 31) % 256)).ToArray();
        var labels = Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray();
        return new ImageDataset(pixels, labels, 3, 4, 4, "colour", DatasetNormalization.Cifar10);
    }

    private static List<(int Index, int[] Indices, float[] Inputs, long[] Labels)> Read(BatchLoader loader, int epoch, int skip = 0) =>
        loader.Epoch(epoch, skip).Select(batch =>
        {
            var copy = (batch.Index, batch.Indices.ToArray(), batch.Inputs.ToArray(), batch.Labels.ToArray());
            batch.Release();
            return copy;
        }).ToList();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Epoch_OneAndThreeWorkers_GiveTheSameBatchSequence(bool augment)
    {
        var augmentation = augment ? Everything : null;
        using var one = new BatchLoader(Colour(), 16, shuffle: true, seed: 4, prefetch: 2, workers: 1, augmentation: augmentation);
        using var three = new BatchLoader(Colour(), 16, shuffle: true, seed: 4, prefetch: 2, workers: 3, augmentation: augmentation);

        foreach (var epoch in new[] { 0, 1 })
        {
            var expected = Read(one, epoch);
            var actual = Read(three, epoch);

            expected.Should().HaveCount(13);
            actual.Select(batch => batch.Index).Should().Equal(Enumerable.Range(0, 13));
            actual.Should().BeEquivalentTo(expected, options => options.WithStrictOrdering(), $"epoch {epoch}");
        }
    }

    [Fact]
    public void Epoch_Augmented_ChangesTheTrainingInputs_AndResumesIdentically()
    {
        using var plain = new BatchLoader(Colour(), 16, shuffle: true, seed: 4, workers: 2);
        using var augmented = new BatchLoader(Colour(), 16, shuffle: true, seed: 4, workers: 2, augmentation: Everything);
        using var resumed = new BatchLoader(Colour(), 16, shuffle: true, seed: 4, workers: 3, augmentation: Everything);

        var before = Read(plain, 2);
        var after = Read(augmented, 2);
        var tail = Read(resumed, 2, skip: 5);

        after.Select(batch => batch.Indices).Should().BeEquivalentTo(before.Select(batch => batch.Indices), o => o.WithStrictOrdering());
        after.Select(batch => batch.Labels).Should().BeEquivalentTo(before.Select(batch => batch.Labels), o => o.WithStrictOrdering());
        after.Count(batch => !batch.Inputs.SequenceEqual(before[batch.Index].Inputs)).Should().Be(13);
        tail.Should().BeEquivalentTo(after.Skip(5), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Epoch_MoreWorkersThanBatches_StartsOnlyAsManyAsNeeded()
    {
        using var loader = new BatchLoader(Colour(20), 8, shuffle: false, seed: 0, workers: 8);
        using var batches = loader.Epoch(0).GetEnumerator();

        batches.MoveNext().Should().BeTrue();
        loader.RunningProducers.Should().BeLessThanOrEqualTo(3);
        batches.MoveNext().Should().BeTrue();
        batches.MoveNext().Should().BeTrue();
        batches.Current.Size.Should().Be(4);
        batches.MoveNext().Should().BeFalse();
        loader.RunningProducers.Should().Be(0);
    }

    [Fact]
    public void Epoch_SampleThatFails_EndsTheEpochAtItsBatchWithTheError()
    {
        using var loader = new BatchLoader(new FailingImages(Colour(100), failingIndex: 37), 10, shuffle: false, seed: 0, workers: 3);
        var received = new List<int>();

        var act = () =>
        {
            foreach (var batch in loader.Epoch(0))
                received.Add(batch.Index);
        };

        act.Should().Throw<DataException>().WithMessage("sample 37 is broken");
        received.Should().Equal(0, 1, 2);
        loader.RunningProducers.Should().Be(0);
    }

    [Fact]
    public void Constructor_NoWorkers_Throws()
    {
        var act = () => new BatchLoader(Colour(10), 4, shuffle: false, seed: 0, workers: 0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>Delegates to an in-memory dataset but fails on one sample, as a corrupt file would.</summary>
    private sealed class FailingImages(ImageDataset inner, int failingIndex) : ISampleSource
    {
        public int Count => inner.Count;

        public int Channels => inner.Channels;

        public int Height => inner.Height;

        public int Width => inner.Width;

        public int Timesteps => inner.Timesteps;

        public float[] ByteScale => inner.ByteScale;

        public int ClassCount => inner.ClassCount;

        public string Description => "failing";

        public DatasetNormalization Normalization => inner.Normalization;

        public int LabelOf(int index) => inner.LabelOf(index);

        public ReadOnlySpan<byte> SampleBytes(int index, SampleScratch scratch) =>
            index == failingIndex ? throw new DataException($"sample {index} is broken") : inner.SampleBytes(index, scratch);

        public ISampleSource Take(int count) => throw new NotSupportedException();
    }
}
