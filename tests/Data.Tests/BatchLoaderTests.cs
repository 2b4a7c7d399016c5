using Neuromorph.Data;

namespace Neuromorph.Data.Tests;

public sealed class BatchLoaderTests
{
    /// <summary>A dataset of 2x2 images whose first two pixels encode the image's index; label = index mod 10.</summary>
    private static ImageDataset Indexed(int count)
    {
        var (images, labels) = IdxBytes.Indexed(count);
        return IdxDatasetReader.Read(new MemoryStream(images), "images", new MemoryStream(labels), "labels", "indexed", DatasetNormalization.Mnist);
    }

    private static int[] Flatten(IEnumerable<Batch> batches) => batches.SelectMany(batch => batch.Indices).ToArray();

    [Fact]
    public void Epoch_Batch_HoldsScaledPixelsLabelsAndShape()
    {
        using var loader = new BatchLoader(Indexed(3), batchSize: 2, shuffle: false, seed: 0);

        var batches = loader.Epoch(0).ToList();

        batches.Should().HaveCount(2);
        var first = batches[0];
        (first.Epoch, first.Index, first.Size).Should().Be((0, 0, 2));
        first.Shape.Should().Equal(2L, 1L, 2L, 2L);
        first.Inputs.Should().Equal(0f, 0f, 1f, 0.2f, 1f / 255, 0f, 1f, 0.2f);
        first.Labels.Should().Equal(0L, 1L);
        (batches[1].Index, batches[1].Size).Should().Be((1, 1));
        batches[1].Inputs.Should().Equal(2f / 255, 0f, 1f, 0.2f);
        batches[1].Labels.Should().Equal(2L);
    }

    [Fact]
    public void Epoch_Shuffled_VisitsEverySampleExactlyOnce()
    {
        using var loader = new BatchLoader(Indexed(300), batchSize: 32, shuffle: true, seed: 9);

        var batches = loader.Epoch(2).ToList();

        loader.BatchesPerEpoch.Should().Be(10);
        batches.Select(batch => batch.Size).Should().Equal(32, 32, 32, 32, 32, 32, 32, 32, 32, 12);
        // Decode each sample's index from its first two pixels rather than trusting Batch.Indices.
        var decoded = batches.SelectMany(batch => Enumerable.Range(0, batch.Size).Select(i =>
            (int)MathF.Round(batch.Inputs[i * 4] * 255) + (256 * (int)MathF.Round(batch.Inputs[(i * 4) + 1] * 255)))).ToArray();
        decoded.Order().Should().Equal(Enumerable.Range(0, 300));
        decoded.Should().Equal(Flatten(batches));
        batches.SelectMany(batch => batch.Labels).Should().Equal(decoded.Select(index => (long)(index % 10)));
    }

    [Fact]
    public void Epoch_SameSeedAndEpoch_GivesSameOrder_OtherEpochOrSeedDoesNot()
    {
        using var loader = new BatchLoader(Indexed(100), 16, shuffle: true, seed: 5);
        using var twin = new BatchLoader(Indexed(100), 16, shuffle: true, seed: 5);
        using var other = new BatchLoader(Indexed(100), 16, shuffle: true, seed: 6);

        var order = Flatten(loader.Epoch(1));

        Flatten(twin.Epoch(1)).Should().Equal(order);
        Flatten(loader.Epoch(2)).Should().NotEqual(order);
        Flatten(other.Epoch(1)).Should().NotEqual(order);
        order.Should().NotEqual(Enumerable.Range(0, 100));
    }

    [Fact]
    public void Epoch_ShuffledOrder_IsThePinnedPermutation()
    {
        using var loader = new BatchLoader(Indexed(10), 4, shuffle: true, seed: 42);

        Flatten(loader.Epoch(0)).Should().Equal(5, 3, 1, 0, 7, 4, 6, 8, 2, 9);
    }

    [Fact]
    public void Epoch_SkipBatches_ResumesWithTheSameRemainingBatches()
    {
        using var loader = new BatchLoader(Indexed(100), 16, shuffle: true, seed: 11);
        var full = loader.Epoch(3).ToList();

        var resumed = loader.Epoch(3, skipBatches: 4).ToList();

        resumed.Select(batch => batch.Index).Should().Equal(4, 5, 6);
        resumed.Select(batch => batch.Indices).Should().BeEquivalentTo(full.Skip(4).Select(batch => batch.Indices), o => o.WithStrictOrdering());
        resumed.Select(batch => batch.Inputs).Should().BeEquivalentTo(full.Skip(4).Select(batch => batch.Inputs), o => o.WithStrictOrdering());
        loader.Epoch(3, skipBatches: 7).Should().BeEmpty();
    }

    [Fact]
    public void Epoch_DropLast_LeavesOutThePartialBatch()
    {
        using var loader = new BatchLoader(Indexed(100), 16, shuffle: true, seed: 1, dropLast: true);

        var batches = loader.Epoch(0).ToList();

        loader.BatchesPerEpoch.Should().Be(6);
        batches.Should().HaveCount(6).And.OnlyContain(batch => batch.Size == 16);
    }

    [Fact]
    public void Constructor_DropLastWithBatchLargerThanDataset_Throws()
    {
        var act = () => new BatchLoader(Indexed(10), 16, shuffle: false, seed: 0, dropLast: true);

        act.Should().Throw<ArgumentException>().WithMessage("A batch size of 16 with drop-last leaves no batch of 10 samples*");
    }

    [Fact]
    public void Epoch_SkipBeyondTheEpoch_Throws()
    {
        using var loader = new BatchLoader(Indexed(10), 4, shuffle: false, seed: 0);

        var act = () => loader.Epoch(0, skipBatches: 4);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Epoch_AbandonedEarly_StopsAndJoinsTheProducer()
    {
        using var loader = new BatchLoader(Indexed(2_000), batchSize: 1, shuffle: true, seed: 0, prefetch: 2);

        loader.Epoch(0).Take(3).Should().HaveCount(3);

        loader.RunningProducers.Should().Be(0);
    }

    [Fact]
    public void Dispose_DuringAnEpoch_StopsTheProducerAndEndsTheEnumeration()
    {
        var loader = new BatchLoader(Indexed(2_000), batchSize: 1, shuffle: true, seed: 0, prefetch: 2);
        using var batches = loader.Epoch(0).GetEnumerator();
        batches.MoveNext().Should().BeTrue();
        loader.RunningProducers.Should().Be(1);

        loader.Dispose();

        loader.RunningProducers.Should().Be(0);
        var next = () => batches.MoveNext();
        next.Should().Throw<ObjectDisposedException>();
        var again = () => loader.Epoch(1);
        again.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Release_ArraysAreReusedByLaterBatches_WithTheirOwnContents()
    {
        using var loader = new BatchLoader(Indexed(300), batchSize: 32, shuffle: true, seed: 3, prefetch: 1);
        using var unpooled = new BatchLoader(Indexed(300), batchSize: 32, shuffle: true, seed: 3, prefetch: 1);
        var expected = unpooled.Epoch(0).ToList();
        var seenInputs = new List<float[]>();

        var index = 0;
        foreach (var batch in loader.Epoch(0))
        {
            batch.Inputs.Should().Equal(expected[index].Inputs, $"batch {index} must hold its own samples");
            batch.Labels.Should().Equal(expected[index].Labels);
            batch.Indices.Should().Equal(expected[index].Indices);
            seenInputs.Add(batch.Inputs);
            batch.Release();
            batch.Release(); // a second release must not hand the same arrays out twice
            index++;
        }

        index.Should().Be(10);
        // prefetch 1: at most three full-size sets are alive at once (consumer, queue, producer).
        seenInputs.Take(9).Distinct(ReferenceEqualityComparer.Instance).Count().Should().BeLessThanOrEqualTo(3);
        loader.ReusableBuffers.Should().BeLessThanOrEqualTo(4);
    }

    [Fact]
    public void Release_BatchNotMadeByALoader_DoesNothing()
    {
        var batch = new Batch(0, 0, 1, 1, 1, 1, [0.5f], [3L], [0]);

        batch.Release();

        batch.Inputs.Should().Equal(0.5f);
    }
}
