using Neuromorph.Engine.Data;

namespace Neuromorph.Engine.Models;

/// <summary>What to build: a named architecture, its sizes and its input.</summary>
/// <param name="Name">Architecture name, e.g. <c>csnn</c>.</param>
/// <param name="Timesteps">T.</param>
/// <param name="InputShape">One sample, <c>[C, H, W]</c>.</param>
/// <param name="ClassCount">M.</param>
/// <param name="Channels">Convolution widths.</param>
/// <param name="Hidden">Width of the hidden fully connected layer.</param>
/// <param name="InputNormalization">The dataset's statistics used by the input normalisation: one value per
/// input channel, or one for all.</param>
internal sealed record ModelSpec(
    string Name,
    int Timesteps,
    long[] InputShape,
    int ClassCount,
    IReadOnlyList<int> Channels,
    int Hidden,
    DatasetNormalization InputNormalization)
{
    /// <summary>A spec for a single-channel input normalised by one mean and standard deviation.</summary>
    public ModelSpec(
        string name, int timesteps, long[] inputShape, int classCount, IReadOnlyList<int> channels, int hidden, double inputMean, double inputStd)
        : this(name, timesteps, inputShape, classCount, channels, hidden, new DatasetNormalization(inputMean, inputStd))
    {
    }
}
