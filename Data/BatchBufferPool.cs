using System.Collections.Concurrent;

namespace Neuromorph.Data;

/// <summary>
/// Arrays of released batches, reused by the loader's producer thread so that in steady state it allocates
/// almost nothing per batch. Besides saving a large-object allocation per batch, this keeps garbage
/// collections on the training thread: TorchSharp frees implicitly created Scalars from the finalizer,
/// and a collection started by another thread while the training thread is inside a native call can free
/// a Scalar that call is still reading.
/// </summary>
internal sealed class BatchBufferPool
{
    private readonly ConcurrentDictionary<int, ConcurrentBag<BatchBuffers>> free = new();

    /// <summary>Arrays for a batch of <paramref name="size"/> samples of <paramref name="sampleSize"/> values.</summary>
    public BatchBuffers Rent(int size, int sampleSize)
    {
        if (free.TryGetValue(size, out var bag) && bag.TryTake(out var buffers) && buffers.Inputs.Length == size * sampleSize)
            return buffers;
        return new BatchBuffers(new float[size * sampleSize], new long[size], new int[size]);
    }

    /// <summary>Makes the arrays available again; the caller must not read them afterwards.</summary>
    public void Return(BatchBuffers buffers) =>
        free.GetOrAdd(buffers.Labels.Length, _ => []).Add(buffers);

    /// <summary>How many sets of arrays wait to be reused (for tests).</summary>
    public int Available => free.Values.Sum(bag => bag.Count);
}

/// <summary>The three arrays of one batch.</summary>
internal sealed record BatchBuffers(float[] Inputs, long[] Labels, int[] Indices);
