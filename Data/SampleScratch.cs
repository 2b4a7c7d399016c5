namespace Neuromorph.Data;

/// <summary>
/// Reusable buffers of one loader worker: the bytes of a sample being prepared, a second image for operations
/// that cannot work in place, and whatever a file-backed dataset needs to decode (the file's bytes, resampling
/// rows). Buffers only grow, so a worker that has seen its largest sample allocates nothing more (see
/// <see cref="BatchBufferPool"/> for why the loader's threads must allocate little). Not thread-safe: one worker
/// uses one scratch at a time.
/// </summary>
internal sealed class SampleScratch
{
    private byte[] image = [];
    private byte[] spare = [];
    private byte[] file = [];
    private float[] rows = [];
    private float[] weights = [];
    private int[] starts = [];

    /// <summary>A buffer for a sample's bytes: a file-backed dataset decodes into it, augmentation works on it in place.</summary>
    public Span<byte> Image(int length) => Grown(ref image, length).AsSpan(0, length);

    /// <summary>A second image-sized buffer, for geometric operations and blends (distinct from <see cref="Image"/>).</summary>
    public Span<byte> Spare(int length) => Grown(ref spare, length).AsSpan(0, length);

    /// <summary>The array behind a file's bytes, at least <paramref name="length"/> long (may be longer).</summary>
    public byte[] File(int length) => Grown(ref file, length);

    /// <summary>Intermediate rows of a resampling, <paramref name="length"/> values.</summary>
    public Span<float> Rows(int length) => Grown(ref rows, length).AsSpan(0, length);

    /// <summary>A resampling's filter weights, <paramref name="length"/> values.</summary>
    public Span<float> Weights(int length) => Grown(ref weights, length).AsSpan(0, length);

    /// <summary>A resampling's first source index per output index, <paramref name="length"/> values.</summary>
    public Span<int> Starts(int length) => Grown(ref starts, length).AsSpan(0, length);

    private static T[] Grown<T>(ref T[] buffer, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (buffer.Length < length)
            buffer = new T[Math.Max(length, (int)Math.Min(Array.MaxLength, 2L * buffer.Length))];
        return buffer;
    }
}
