namespace Neuromorph.Engine.Models;

/// <summary>What to build: a named architecture, its sizes and its input.</summary>
/// <param name="Name">Architecture name, e.g. <c>csnn</c>.</param>
/// <param name="Timesteps">T.</param>
/// <param name="InputShape">One sample, <c>[C, H, W]</c>.</param>
/// <param name="ClassCount">M.</param>
/// <param name="Channels">Convolution widths.</param>
/// <param name="Hidden">Width of the hidden fully connected layer.</param>
/// <param name="InputMean">Dataset mean used by the input normalisation.</param>
/// <param name="InputStd">Dataset standard deviation used by the input normalisation.</param>
internal sealed record ModelSpec(
    string Name,
    int Timesteps,
    long[] InputShape,
    int ClassCount,
    IReadOnlyList<int> Channels,
    int Hidden,
    double InputMean,
    double InputStd);
