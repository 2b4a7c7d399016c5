using System.Globalization;

namespace Neuromorph.Data.Events;

/// <summary>
/// Converts an image dataset into an N-MNIST-format event dataset (<see cref="NMnistLayout"/>): every image
/// becomes <c>Train/&lt;label&gt;/&lt;index&gt;.bin</c> or <c>Test/&lt;label&gt;/&lt;index&gt;.bin</c>
/// (<see cref="NMnistEventFile"/>), recorded by <see cref="SaccadeCamera"/>; index is the image's position in its
/// split, zero-padded to five digits. Sample i of a split uses the seed Mix(Mix(seed) XOR Mix(2i + s + 1)) (s = 0
/// for training, 1 for test), so the output is the same for a seed whatever the order or parallelism of the work.
/// Each file is written atomically.
/// </summary>
internal static class SaccadeConverter
{
    /// <summary>Converts the first <paramref name="limit"/> images of each split (all when 0) into <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The splits hold frame sequences, not images, or images too large for one sensor.</exception>
    /// <exception cref="DataException">An image cannot be read.</exception>
    public static SaccadeConversion Convert(DatasetSplits images, string output, SaccadeSettings settings, int limit = 0)
    {
        settings.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (images.Train.Timesteps > 0 || images.Test.Timesteps > 0)
            throw new ArgumentException(
                $"Saccades are simulated over still images, but {images.Train.Description} holds sequences of frames.", nameof(images));
        var sensorWidth = images.Train.Width + 2 * settings.Padding;
        var sensorHeight = images.Train.Height + 2 * settings.Padding;
        if (sensorWidth > 256 || sensorHeight > 256 || images.Test.Width != images.Train.Width || images.Test.Height != images.Train.Height)
            throw new ArgumentException(
                $"Images of {images.Train.Width}x{images.Train.Height} (test {images.Test.Width}x{images.Test.Height}) padded by "
                + $"{settings.Padding} do not fit one N-MNIST sensor of at most 256x256.", nameof(images));
        var train = ConvertSplit(images.Train, Path.Combine(output, "Train"), 0, settings, limit);
        var test = ConvertSplit(images.Test, Path.Combine(output, "Test"), 1, settings, limit);
        return new SaccadeConversion(train.Files, test.Files, train.Events + test.Events, sensorWidth, sensorHeight);
    }

    /// <summary>The file of image <paramref name="index"/> with <paramref name="label"/> in a split folder.</summary>
    public static string FilePath(string splitFolder, int label, int index) => Path.Combine(
        splitFolder, label.ToString(CultureInfo.InvariantCulture), index.ToString("D5", CultureInfo.InvariantCulture) + ".bin");

    private static (int Files, long Events) ConvertSplit(ISampleSource images, string folder, int splitIndex, SaccadeSettings settings, int limit)
    {
        var count = limit > 0 ? Math.Min(limit, images.Count) : images.Count;
        var events = new long[count];
        var baseSeed = SplitMix64.Mix(unchecked((ulong)settings.Seed));
        // Each thread reads its images through its own scratch (a file-backed dataset decodes into it).
        Parallel.For(0, count, () => new SampleScratch(), (index, _, scratch) =>
        {
            var seed = SplitMix64.Mix(baseSeed ^ SplitMix64.Mix(2 * (ulong)index + (ulong)splitIndex + 1));
            var grey = SaccadeCamera.Grey(images.SampleBytes(index, scratch), images.Channels, images.Height, images.Width);
            var stream = SaccadeCamera.Record(grey, images.Height, images.Width, settings, seed);
            NMnistEventFile.Write(FilePath(folder, images.LabelOf(index), index), stream);
            events[index] = stream.Count;
            return scratch;
        }, _ => { });
        return (count, events.Sum());
    }
}
