namespace Neuromorph.Data.Events;

/// <summary>
/// Event recordings integrated into frames, held in memory as bytes: <see cref="Frames"/> is
/// <c>Count × T × 2 × Height × Width</c> row-major (event counts per pixel, polarity channel 0 OFF and 1 ON,
/// saturated at 255), <see cref="Labels"/> holds one class index per sample. Batches of it are
/// <c>[T, B, 2, H, W]</c> tensors of the counts as they are (no scaling; the model's normalisation is the identity).
/// </summary>
internal sealed class FrameDataset : ISampleSource
{
    /// <summary>Counts enter the network unscaled: mean 0 and standard deviation 1 leave them as they are.</summary>
    public static DatasetNormalization CountNormalization { get; } = new(0, 1);

    public FrameDataset(byte[] frames, byte[] labels, FrameSettings settings, int classCount, string description)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Timesteps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        if (frames.LongLength != labels.LongLength * settings.SampleSize)
            throw new ArgumentException(
                $"{labels.Length} labels need {labels.LongLength * settings.SampleSize} frame bytes of "
                + $"{settings.Timesteps}x{FrameSettings.Channels}x{settings.Height}x{settings.Width}, but {frames.Length} were given.",
                nameof(frames));
        var outOfRange = Array.FindIndex(labels, label => label >= classCount);
        if (outOfRange >= 0)
            throw new ArgumentException(
                $"Label {labels[outOfRange]} of sample {outOfRange} is not a class index below {classCount}.", nameof(labels));
        Frames = frames;
        Labels = labels;
        Settings = settings;
        ClassCount = classCount;
        Description = description;
    }

    public int Count => Labels.Length;

    /// <summary>How the frames were made: T, the split and the frame size.</summary>
    public FrameSettings Settings { get; }

    public int Channels => FrameSettings.Channels;

    public int Height => Settings.Height;

    public int Width => Settings.Width;

    /// <summary>T, the frames per sample.</summary>
    public int Timesteps => Settings.Timesteps;

    /// <summary>T × 2 × H × W, the bytes per sample.</summary>
    public int SampleSize => Settings.SampleSize;

    public int ClassCount { get; }

    public byte[] Frames { get; }

    public byte[] Labels { get; }

    public string Description { get; }

    public DatasetNormalization Normalization => CountNormalization;

    /// <summary>Counts enter the network as they are.</summary>
    public float[] ByteScale => ByteScales.Counts;

    public int LabelOf(int index) => Labels[index];

    /// <summary>A view of the sample's T frames in <see cref="Frames"/>; <paramref name="scratch"/> is not used.</summary>
    public ReadOnlySpan<byte> SampleBytes(int index, SampleScratch scratch) => Frames.AsSpan(index * SampleSize, SampleSize);

    /// <summary>The first <paramref name="count"/> samples (copies the bytes).</summary>
    public FrameDataset Take(int count)
    {
        if (count <= 0 || count > Count)
            throw new ArgumentOutOfRangeException(
                nameof(count), count, $"Take needs between 1 and {Count} samples from {Description}.");
        if (count == Count)
            return this;
        return new FrameDataset(
            Frames.AsSpan(0, count * SampleSize).ToArray(), Labels.AsSpan(0, count).ToArray(), Settings, ClassCount,
            $"{Description}, first {count} samples");
    }

    ISampleSource ISampleSource.Take(int count) => Take(count);
}
