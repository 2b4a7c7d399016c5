namespace Neuromorph.Engine.Data;

/// <summary>
/// Labelled samples held in memory as bytes, which <see cref="BatchLoader"/> cuts into batches: static images
/// (<see cref="ImageDataset"/>, one <c>[C, H, W]</c> frame per sample) or frame sequences
/// (<see cref="Events.FrameDataset"/>, <c>[T, C, H, W]</c> per sample).
/// </summary>
internal interface ISampleSet
{
    int Count { get; }

    /// <summary>Channels of one frame.</summary>
    int Channels { get; }

    /// <summary>Height of one frame.</summary>
    int Height { get; }

    /// <summary>Width of one frame.</summary>
    int Width { get; }

    /// <summary>Frames per sample: 0 for a static image, T for a sequence.</summary>
    int Timesteps { get; }

    /// <summary>Bytes per sample: max(1, T) × C × H × W.</summary>
    int SampleSize { get; }

    int ClassCount { get; }

    /// <summary>All samples' bytes, <see cref="Count"/> × <see cref="SampleSize"/>, row-major.</summary>
    byte[] Values { get; }

    /// <summary>One class index per sample.</summary>
    byte[] Labels { get; }

    /// <summary>What each of the 256 byte values is as a network input (see <see cref="ByteScales"/>).</summary>
    float[] ValueScale { get; }

    /// <summary>Where the samples came from, for logs and run records.</summary>
    string Description { get; }

    /// <summary>The input statistics the model standardises with.</summary>
    DatasetNormalization Normalization { get; }

    /// <summary>The first <paramref name="count"/> samples (this set itself when it holds exactly that many).</summary>
    ISampleSet Take(int count);
}
