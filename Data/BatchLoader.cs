using Neuromorph.Data.Augmentation;

namespace Neuromorph.Data;

/// <summary>
/// Cuts a dataset into mini-batches on background workers, up to <c>prefetch</c> batches ahead of the training
/// thread. With n workers, worker w prepares batches w, w + n, w + 2n, ... (reading, decoding and augmenting their
/// samples) and the batches are handed out in order, so the sequence does not depend on n. Static images become
/// <c>[B, C, H, W]</c> batches; frame sequences (<see cref="ISampleSource.Timesteps"/> = T) time-major
/// <c>[T, B, C, H, W]</c> ones; each byte becomes an input through the dataset's <see cref="ISampleSource.ByteScale"/>.
/// The order of epoch e is a pure function of (seed, e) (see <see cref="EpochOrder"/>), and so is each sample's
/// augmentation (see <see cref="SampleAugmentation"/>), so a run resumed with <c>skipBatches</c> sees exactly the
/// batches it would have seen.
/// </summary>
internal sealed class BatchLoader : IDisposable
{
    private readonly Prefetcher<Batch> prefetcher;
    private readonly BatchBufferPool buffers = new();
    private readonly SampleScratchPool scratches = new();

    /// <param name="dataset">The images (or frame sequences) to batch.</param>
    /// <param name="batchSize">Samples per batch (the last one may be smaller unless <paramref name="dropLast"/>).</param>
    /// <param name="shuffle">Whether each epoch visits the samples in a seeded random order, or in file order.</param>
    /// <param name="seed">The seed of the epoch orders and of the augmentation.</param>
    /// <param name="prefetch">How many ready batches may wait ahead of the consumer.</param>
    /// <param name="dropLast">Whether a last batch smaller than <paramref name="batchSize"/> is left out.</param>
    /// <param name="workers">Background threads preparing batches.</param>
    /// <param name="augmentation">What each sample goes through (training only); null leaves samples as they are.
    /// Augmentation transforms static images; a dataset of frame sequences takes none.</param>
    /// <exception cref="ArgumentException">Active augmentation for frame sequences, or no batch at all.</exception>
    public BatchLoader(
        ISampleSource dataset,
        int batchSize,
        bool shuffle,
        long seed,
        int prefetch = 4,
        bool dropLast = false,
        int workers = 1,
        AugmentationSettings? augmentation = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(prefetch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        Dataset = dataset;
        BatchSize = batchSize;
        Shuffle = shuffle;
        Seed = seed;
        DropLast = dropLast;
        Workers = workers;
        if (augmentation is { IsActive: true } && dataset.Timesteps > 0)
            throw new ArgumentException(
                $"Augmentation transforms static images, but {dataset.Description} holds sequences of {dataset.Timesteps} frames; "
                + "batch it without augmentation.",
                nameof(augmentation));
        Augmentation = augmentation is { IsActive: true } ? new SampleAugmentation(augmentation) : null;
        BatchesPerEpoch = dropLast ? dataset.Count / batchSize : (dataset.Count + batchSize - 1) / batchSize;
        if (BatchesPerEpoch == 0)
            throw new ArgumentException(
                $"A batch size of {batchSize} with drop-last leaves no batch of {dataset.Count} samples "
                + $"({dataset.Description}); use a batch size of at most {dataset.Count}.",
                nameof(batchSize));
        prefetcher = new Prefetcher<Batch>(prefetch, "Neuromorph batch loader");
    }

    public ISampleSource Dataset { get; }

    public int BatchSize { get; }

    public bool Shuffle { get; }

    public long Seed { get; }

    public bool DropLast { get; }

    public int BatchesPerEpoch { get; }

    /// <summary>Background threads preparing batches (at most one per batch of an epoch).</summary>
    public int Workers { get; }

    /// <summary>What every sample goes through, or null.</summary>
    public SampleAugmentation? Augmentation { get; }

    /// <summary>How long the consumer has waited for a batch, over all epochs: near zero when loading keeps up.</summary>
    public TimeSpan ConsumerWaitTime => prefetcher.ConsumerWaitTime;

    /// <summary>Background threads currently producing batches (0 once every enumeration has ended).</summary>
    public int RunningProducers => prefetcher.RunningProducers;

    /// <summary>Arrays of released batches waiting to be reused (see <see cref="Batch.Release"/>).</summary>
    public int ReusableBuffers => buffers.Available;

    /// <summary>
    /// The batches of epoch <paramref name="epoch"/> (0-based), starting after the first
    /// <paramref name="skipBatches"/>. Producing starts on the first <c>MoveNext</c>; ending or disposing the
    /// enumeration stops and joins the worker threads. A sample that cannot be read ends the enumeration with
    /// its <see cref="DataException"/> at that sample's batch.
    /// </summary>
    public IEnumerable<Batch> Epoch(int epoch, int skipBatches = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if (skipBatches < 0 || skipBatches > BatchesPerEpoch)
            throw new ArgumentOutOfRangeException(
                nameof(skipBatches), skipBatches, $"An epoch has {BatchesPerEpoch} batches; skip between 0 and that.");
        // The order is computed here, on the consumer's thread, so the workers allocate little (see BatchBufferPool).
        var order = Order(epoch);
        var workers = Math.Clamp(BatchesPerEpoch - skipBatches, 1, Workers);
        var sources = new Func<CancellationToken, IEnumerable<Batch>>[workers];
        for (var w = 0; w < workers; w++)
        {
            var first = skipBatches + w;
            sources[w] = token => Produce(order, epoch, first, workers, token);
        }
        return prefetcher.Run(sources);
    }

    /// <summary>The dataset indices in the order epoch <paramref name="epoch"/> visits them.</summary>
    public int[] Order(int epoch) =>
        Shuffle ? EpochOrder.Shuffled(Dataset.Count, Seed, epoch) : EpochOrder.Sequential(Dataset.Count);

    public void Dispose() => prefetcher.Dispose();

    /// <summary>One worker's batches: <paramref name="first"/>, first + stride, ... up to the end of the epoch.</summary>
    private IEnumerable<Batch> Produce(int[] order, int epoch, int first, int stride, CancellationToken token)
    {
        var scratch = scratches.Rent();
        try
        {
            for (var index = first; index < BatchesPerEpoch; index += stride)
            {
                token.ThrowIfCancellationRequested();
                var start = index * BatchSize;
                yield return Assemble(epoch, index, order.AsSpan(start, Math.Min(BatchSize, order.Length - start)), scratch);
            }
        }
        finally
        {
            scratches.Return(scratch);
        }
    }

    private Batch Assemble(int epoch, int index, ReadOnlySpan<int> indices, SampleScratch scratch)
    {
        var sampleSize = Dataset.SampleSize;
        var frames = Math.Max(1, Dataset.Timesteps);
        var frameSize = sampleSize / frames;
        var scale = Dataset.ByteScale;
        var shape = new ImageShape(Dataset.Channels, Dataset.Height, Dataset.Width);
        var (inputs, labels, batchIndices) = buffers.Rent(indices.Length, sampleSize);
        indices.CopyTo(batchIndices);
        for (var i = 0; i < indices.Length; i++)
        {
            var bytes = Dataset.SampleBytes(indices[i], scratch);
            if (Augmentation is not null)
            {
                var image = scratch.Image(sampleSize);
                bytes.CopyTo(image);
                Augmentation.Apply(image, shape, Seed, epoch, indices[i], scratch.Spare(sampleSize));
                bytes = image;
            }
            // Frame t of sample i goes to [t, i]: [T, B, C, H, W] for sequences, [B, C, H, W] for images (one frame).
            for (var t = 0; t < frames; t++)
            {
                var frame = bytes.Slice(t * frameSize, frameSize);
                var target = inputs.AsSpan((t * indices.Length + i) * frameSize, frameSize);
                for (var p = 0; p < frame.Length; p++)
                    target[p] = scale[frame[p]];
            }
            labels[i] = Dataset.LabelOf(indices[i]);
        }
        return new Batch(
            epoch, index, indices.Length, Dataset.Channels, Dataset.Height, Dataset.Width, inputs, labels, batchIndices)
        {
            Pool = buffers,
            Timesteps = Dataset.Timesteps,
        };
    }
}
