namespace Neuromorph.Data;

/// <summary>
/// One mini-batch: <see cref="Inputs"/> is <c>[Size, Channels, Height, Width]</c> row-major with pixels
/// scaled to [0, 1] (pixel / 255; normalisation happens inside the model), or, for frame sequences
/// (<see cref="Timesteps"/> &gt; 0), <c>[Timesteps, Size, Channels, Height, Width]</c> with event counts as they
/// are. <see cref="Labels"/> is <c>[Size]</c>. <see cref="Indices"/> are the samples' positions in the dataset.
/// </summary>
internal sealed record Batch(
    int Epoch,
    int Index,
    int Size,
    int Channels,
    int Height,
    int Width,
    float[] Inputs,
    long[] Labels,
    int[] Indices)
{
    /// <summary>Frames per sample: 0 for static images, T for sequences (then frames lead the batch dimension).</summary>
    public int Timesteps { get; init; }

    /// <summary>The input shape, ready for a tensor: <c>[Size, C, H, W]</c>, or <c>[Timesteps, Size, C, H, W]</c>.</summary>
    public long[] Shape => Timesteps > 0 ? [Timesteps, Size, Channels, Height, Width] : [Size, Channels, Height, Width];

    /// <summary>The pool the arrays came from, if any; see <see cref="Release"/>.</summary>
    public BatchBufferPool? Pool { get => releasePool; init => releasePool = value; }

    /// <summary>
    /// Hands the arrays back to the loader for reuse once their contents have been copied (into tensors).
    /// The batch must not be read afterwards. Does nothing for a batch not made from a pool, or the second time.
    /// </summary>
    public void Release()
    {
        var pool = Interlocked.Exchange(ref releasePool, null);
        pool?.Return(new BatchBuffers(Inputs, Labels, Indices));
    }

    private BatchBufferPool? releasePool;
}
