namespace Neuromorph.Engine.Data;

/// <summary>
/// Cuts a dataset into mini-batches on a background thread, up to <c>prefetch</c> batches ahead of the
/// training thread. The order of epoch e is a pure function of (seed, e) (see <see cref="EpochOrder"/>), so
/// a run resumed with <c>skipBatches</c> sees exactly the batches it would have seen.
/// </summary>
internal sealed class BatchLoader : IDisposable
{
    private readonly Prefetcher<Batch> prefetcher;
    private readonly BatchBufferPool buffers = new();

    /// <param name="dataset">The images (or frame sequences) to batch.</param>
    /// <param name="batchSize">Samples per batch (the last one may be smaller unless <paramref name="dropLast"/>).</param>
    /// <param name="shuffle">Whether each epoch visits the samples in a seeded random order, or in file order.</param>
    /// <param name="seed">The seed of the epoch orders.</param>
    /// <param name="prefetch">How many ready batches may wait ahead of the consumer.</param>
    /// <param name="dropLast">Whether a last batch smaller than <paramref name="batchSize"/> is left out.</param>
    public BatchLoader(ISampleSet dataset, int batchSize, bool shuffle, long seed, int prefetch = 4, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(prefetch);
        Dataset = dataset;
        BatchSize = batchSize;
        Shuffle = shuffle;
        Seed = seed;
        DropLast = dropLast;
        BatchesPerEpoch = dropLast ? dataset.Count / batchSize : (dataset.Count + batchSize - 1) / batchSize;
        if (BatchesPerEpoch == 0)
            throw new ArgumentException(
                $"A batch size of {batchSize} with drop-last leaves no batch of {dataset.Count} samples "
                + $"({dataset.Description}); use a batch size of at most {dataset.Count}.",
                nameof(batchSize));
        prefetcher = new Prefetcher<Batch>(prefetch, "Neuromorph batch loader");
    }

    public ISampleSet Dataset { get; }

    public int BatchSize { get; }

    public bool Shuffle { get; }

    public long Seed { get; }

    public bool DropLast { get; }

    public int BatchesPerEpoch { get; }

    /// <summary>How long the consumer has waited for a batch, over all epochs: near zero when loading keeps up.</summary>
    public TimeSpan ConsumerWaitTime => prefetcher.ConsumerWaitTime;

    /// <summary>Background threads currently producing batches (0 once every enumeration has ended).</summary>
    public int RunningProducers => prefetcher.RunningProducers;

    /// <summary>Arrays of released batches waiting to be reused (see <see cref="Batch.Release"/>).</summary>
    public int ReusableBuffers => buffers.Available;

    /// <summary>
    /// The batches of epoch <paramref name="epoch"/> (0-based), starting after the first
    /// <paramref name="skipBatches"/>. Producing starts on the first <c>MoveNext</c>; ending or disposing the
    /// enumeration stops and joins the producer thread.
    /// </summary>
    public IEnumerable<Batch> Epoch(int epoch, int skipBatches = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if (skipBatches < 0 || skipBatches > BatchesPerEpoch)
            throw new ArgumentOutOfRangeException(
                nameof(skipBatches), skipBatches, $"An epoch has {BatchesPerEpoch} batches; skip between 0 and that.");
        // The order is computed here, on the consumer's thread, so the producer allocates little (see BatchBufferPool).
        var order = Order(epoch);
        return prefetcher.Run(token => Produce(order, epoch, skipBatches, token));
    }

    /// <summary>The dataset indices in the order epoch <paramref name="epoch"/> visits them.</summary>
    public int[] Order(int epoch) =>
        Shuffle ? EpochOrder.Shuffled(Dataset.Count, Seed, epoch) : EpochOrder.Sequential(Dataset.Count);

    public void Dispose() => prefetcher.Dispose();

    private IEnumerable<Batch> Produce(int[] order, int epoch, int skipBatches, CancellationToken token)
    {
        for (var index = skipBatches; index < BatchesPerEpoch; index++)
        {
            token.ThrowIfCancellationRequested();
            var start = index * BatchSize;
            yield return Assemble(epoch, index, order.AsSpan(start, Math.Min(BatchSize, order.Length - start)));
        }
    }

    private Batch Assemble(int epoch, int index, ReadOnlySpan<int> indices)
    {
        var sampleSize = Dataset.SampleSize;
        var frames = Math.Max(1, Dataset.Timesteps);
        var frameSize = sampleSize / frames;
        var scale = Dataset.ValueScale;
        var (inputs, labels, batchIndices) = buffers.Rent(indices.Length, sampleSize);
        indices.CopyTo(batchIndices);
        for (var i = 0; i < indices.Length; i++)
        {
            // Frame t of sample i goes to [t, i]: [T, B, C, H, W] for sequences, [B, C, H, W] for images (T = 1).
            for (var t = 0; t < frames; t++)
            {
                var values = Dataset.Values.AsSpan(indices[i] * sampleSize + t * frameSize, frameSize);
                var target = inputs.AsSpan((t * indices.Length + i) * frameSize, frameSize);
                for (var p = 0; p < values.Length; p++)
                    target[p] = scale[values[p]];
            }
            labels[i] = Dataset.Labels[indices[i]];
        }
        return new Batch(
            epoch, index, indices.Length, Dataset.Channels, Dataset.Height, Dataset.Width, inputs, labels, batchIndices)
        {
            Pool = buffers,
            Timesteps = Dataset.Timesteps,
        };
    }
}
