namespace Neuromorph.Data.ImageFolder;

/// <summary>
/// An <see cref="ISampleSource"/> over image files (the <see cref="ImageFolderLayout"/>): only the file names and
/// labels are held; a sample is decoded, cropped to its centred square and resized to <see cref="Side"/> × <see cref="Side"/>
/// RGB when the loader asks for it (on its workers), so datasets larger than memory can be trained on. Every image
/// is normalised with ImageNet's statistics.
/// </summary>
internal sealed class ImageFolderDataset : ISampleSource
{
    private readonly string[] files;
    private readonly int[] labels;

    public ImageFolderDataset(string[] files, int[] labels, int side, int classCount, string description)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(side);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        if (files.Length != labels.Length)
            throw new ArgumentException($"{files.Length} files need as many labels, not {labels.Length}.", nameof(labels));
        var outOfRange = Array.FindIndex(labels, label => label < 0 || label >= classCount);
        if (outOfRange >= 0)
            throw new ArgumentException($"Label {labels[outOfRange]} of '{files[outOfRange]}' is not a class index below {classCount}.", nameof(labels));
        this.files = files;
        this.labels = labels;
        Side = side;
        ClassCount = classCount;
        Description = description;
    }

    /// <summary>Reads the layout under <paramref name="root"/>: both splits, images resized to <paramref name="side"/>.</summary>
    /// <exception cref="DataException">The layout is incomplete (see <see cref="ImageFolderLayout"/>).</exception>
    public static DatasetSplits Load(string root, int side)
    {
        var classes = ImageFolderLayout.Classes(root);
        var (trainFiles, trainLabels) = ImageFolderLayout.Samples(root, ImageFolderLayout.TrainFolder, classes);
        var (testFiles, testLabels) = ImageFolderLayout.Samples(root, ImageFolderLayout.TestFolder, classes);
        string Describe(string split, int count) =>
            $"image folder {root}, {split} split ({count} images of {classes.Count} classes, resized to {side}x{side})";
        return new DatasetSplits(
            new ImageFolderDataset(trainFiles, trainLabels, side, classes.Count, Describe("training", trainFiles.Length)),
            new ImageFolderDataset(testFiles, testLabels, side, classes.Count, Describe("test", testFiles.Length)));
    }

    public int Count => files.Length;

    public int Channels => ImageDecoder.Channels;

    public int Height => Side;

    public int Width => Side;

    /// <summary>The side every image is resized to.</summary>
    public int Side { get; }

    /// <summary>0: an image is one static frame.</summary>
    public int Timesteps => 0;

    /// <summary>Pixels enter the network as value / 255.</summary>
    public float[] ByteScale => ByteScales.UnitInterval;

    public int ClassCount { get; }

    public string Description { get; }

    public DatasetNormalization Normalization => DatasetNormalization.ImageNet;

    /// <summary>The image files, in sample order.</summary>
    public IReadOnlyList<string> Files => files;

    public int LabelOf(int index) => labels[index];

    /// <summary>Decodes sample <paramref name="index"/> into <paramref name="scratch"/>'s image buffer.</summary>
    public ReadOnlySpan<byte> SampleBytes(int index, SampleScratch scratch)
    {
        var output = scratch.Image(Channels * Side * Side);
        ImageDecoder.DecodeSquare(files[index], Side, output, scratch);
        return output;
    }

    public ISampleSource Take(int count)
    {
        if (count <= 0 || count > Count)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Take needs between 1 and {Count} images from {Description}.");
        return count == Count
            ? this
            : new ImageFolderDataset(files[..count], labels[..count], Side, ClassCount, $"{Description}, first {count} images");
    }
}
