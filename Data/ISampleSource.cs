namespace Neuromorph.Data;

/// <summary>
/// A dataset of labelled samples of one shape that the batch loader reads one sample at a time, possibly from
/// several worker threads at once. A sample is either a static image (<see cref="Timesteps"/> = 0, <c>C × H × W</c>
/// bytes) or a sequence of T frames (<see cref="Timesteps"/> = T, <c>T × C × H × W</c> bytes, frame after frame).
/// An in-memory dataset (<see cref="ImageDataset"/>, <see cref="Events.FrameDataset"/>) hands out views of its
/// bytes; a file-backed one (<see cref="ImageFolder.ImageFolderDataset"/>) decodes a sample when it is asked for it.
/// </summary>
internal interface ISampleSource
{
    /// <summary>The number of samples.</summary>
    int Count { get; }

    /// <summary>Channels of one image or frame.</summary>
    int Channels { get; }

    /// <summary>Height of one image or frame.</summary>
    int Height { get; }

    /// <summary>Width of one image or frame.</summary>
    int Width { get; }

    /// <summary>
    /// Frames per sample: 0 for a static image (the network sees it at every timestep), T for a sequence (frame t is
    /// the input of timestep t; the loader batches sequences time-major, <c>[T, B, C, H, W]</c>).
    /// </summary>
    int Timesteps { get; }

    /// <summary>max(1, T) × C × H × W, the number of bytes of one sample.</summary>
    int SampleSize => Math.Max(1, Timesteps) * Channels * Height * Width;

    /// <summary>
    /// What each of the 256 byte values is as a network input, indexed by the byte (see <see cref="ByteScales"/>):
    /// pixel / 255 for images, the event count itself for event frames.
    /// </summary>
    float[] ByteScale { get; }

    /// <summary>The number of classes; every label is below it.</summary>
    int ClassCount { get; }

    /// <summary>Where the samples came from, for logs and run records.</summary>
    string Description { get; }

    /// <summary>The training-set statistics the model normalises its inputs with.</summary>
    DatasetNormalization Normalization { get; }

    /// <summary>The class index of sample <paramref name="index"/> (cheap: no sample bytes are read).</summary>
    int LabelOf(int index);

    /// <summary>
    /// The bytes of sample <paramref name="index"/>, <see cref="SampleSize"/> of them row-major (planar channels; frames
    /// one after the other). The span points into memory the dataset holds or into <paramref name="scratch"/>, the
    /// calling thread's own buffers, and is valid until the next call with the same scratch. Safe to call from several
    /// threads with different scratches.
    /// </summary>
    /// <exception cref="DataException">The sample's file is missing, unreadable or corrupt (the message names it).</exception>
    ReadOnlySpan<byte> SampleBytes(int index, SampleScratch scratch);

    /// <summary>The first <paramref name="count"/> samples, for short runs and tests.</summary>
    ISampleSource Take(int count);
}
