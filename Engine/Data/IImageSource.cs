namespace Neuromorph.Engine.Data;

/// <summary>
/// A dataset of labelled images of one shape that the batch loader reads one sample at a time, possibly from
/// several worker threads at once. An in-memory dataset (<see cref="ImageDataset"/>) hands out views of its
/// bytes; a file-backed one (<see cref="ImageFolder.ImageFolderDataset"/>) decodes a sample when it is asked for it.
/// </summary>
internal interface IImageSource
{
    /// <summary>The number of samples.</summary>
    int Count { get; }

    int Channels { get; }

    int Height { get; }

    int Width { get; }

    /// <summary>C × H × W, the number of pixel bytes of one sample.</summary>
    int SampleSize => Channels * Height * Width;

    /// <summary>The number of classes; every label is below it.</summary>
    int ClassCount { get; }

    /// <summary>Where the images came from, for logs and run records.</summary>
    string Description { get; }

    /// <summary>The training-set statistics the model normalises its inputs with.</summary>
    DatasetNormalization Normalization { get; }

    /// <summary>The class index of sample <paramref name="index"/> (cheap: no pixels are read).</summary>
    int LabelOf(int index);

    /// <summary>
    /// The pixel bytes of sample <paramref name="index"/>, <c>C × H × W</c> row-major (planar channels). The span
    /// points into memory the dataset holds or into <paramref name="scratch"/>, the calling thread's own buffers, and
    /// is valid until the next call with the same scratch. Safe to call from several threads with different scratches.
    /// </summary>
    /// <exception cref="DataException">The sample's file is missing, unreadable or corrupt (the message names it).</exception>
    ReadOnlySpan<byte> SamplePixels(int index, SampleScratch scratch);

    /// <summary>The first <paramref name="count"/> samples, for short runs and tests.</summary>
    IImageSource Take(int count);
}
