namespace Neuromorph.Data;

/// <summary>
/// Labelled images held in memory as bytes: <see cref="Pixels"/> is <c>Count × Channels × Height × Width</c>
/// in row-major order, <see cref="Labels"/> holds one class index per image.
/// </summary>
internal sealed class ImageDataset : ISampleSource
{
    /// <summary>The number of classes of MNIST and Fashion-MNIST (and CIFAR-10), the default.</summary>
    public const int DefaultClassCount = 10;

    public ImageDataset(
        byte[] pixels,
        byte[] labels,
        int channels,
        int height,
        int width,
        string description,
        DatasetNormalization normalization,
        int classCount = DefaultClassCount)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        var sampleSize = (long)channels * height * width;
        if (pixels.LongLength != labels.LongLength * sampleSize)
            throw new ArgumentException(
                $"{labels.Length} labels need {labels.LongLength * sampleSize} pixel bytes of {channels}x{height}x{width}, "
                + $"but {pixels.Length} were given.",
                nameof(pixels));
        var outOfRange = Array.FindIndex(labels, label => label >= classCount);
        if (outOfRange >= 0)
            throw new ArgumentException(
                $"Label {labels[outOfRange]} of sample {outOfRange} is not a class index below {classCount}.",
                nameof(labels));
        ArgumentNullException.ThrowIfNull(normalization);
        if (normalization.Channels != 1 && normalization.Channels != channels)
            throw new ArgumentException(
                $"{channels}-channel images need a normalisation with 1 or {channels} channels, not {normalization.Channels}.",
                nameof(normalization));

        Pixels = pixels;
        Labels = labels;
        Channels = channels;
        Height = height;
        Width = width;
        ClassCount = classCount;
        Description = description;
        Normalization = normalization;
    }

    public int Count => Labels.Length;

    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }

    /// <summary>C × H × W, the number of pixel bytes per image.</summary>
    public int SampleSize => Channels * Height * Width;

    /// <summary>0: an image is one static frame.</summary>
    public int Timesteps => 0;

    /// <summary>Pixels enter the network as value / 255.</summary>
    public float[] ByteScale => ByteScales.UnitInterval;

    public int ClassCount { get; }

    public byte[] Pixels { get; }

    public byte[] Labels { get; }

    /// <summary>Where the images came from, for logs and run records.</summary>
    public string Description { get; }

    public DatasetNormalization Normalization { get; }

    public int LabelOf(int index) => Labels[index];

    /// <summary>A view of the image's bytes in <see cref="Pixels"/>; <paramref name="scratch"/> is not used.</summary>
    public ReadOnlySpan<byte> SampleBytes(int index, SampleScratch scratch) => Pixels.AsSpan(index * SampleSize, SampleSize);

    ISampleSource ISampleSource.Take(int count) => Take(count);

    /// <summary>The first <paramref name="count"/> images, for short runs and tests (copies the bytes).</summary>
    public ImageDataset Take(int count)
    {
        if (count <= 0 || count > Count)
            throw new ArgumentOutOfRangeException(
                nameof(count), count, $"Take needs between 1 and {Count} images from {Description}.");
        if (count == Count)
            return this;
        return new ImageDataset(
            Pixels.AsSpan(0, count * SampleSize).ToArray(),
            Labels.AsSpan(0, count).ToArray(),
            Channels,
            Height,
            Width,
            $"{Description}, first {count} images",
            Normalization,
            ClassCount);
    }
}
