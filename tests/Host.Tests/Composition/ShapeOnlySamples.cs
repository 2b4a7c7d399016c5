using Neuromorph.Data;

namespace Neuromorph.Host.Tests.Composition;

/// <summary>A split of a given size and sample shape that holds no samples: what the memory estimate reads of a dataset.</summary>
internal sealed class ShapeOnlySamples(int count, int channels, int height, int width, int timesteps = 0) : ISampleSource
{
    public int Count => count;

    public int Channels => channels;

    public int Height => height;

    public int Width => width;

    public int Timesteps => timesteps;

    public float[] ByteScale => [1f];

    public int ClassCount => 10;

    public string Description => $"{count} samples of {channels}x{height}x{width}";

    public DatasetNormalization Normalization => new(0.5, 0.25);

    public int LabelOf(int index) => throw new NotSupportedException("The split holds no samples.");

    public ReadOnlySpan<byte> SampleBytes(int index, SampleScratch scratch) => throw new NotSupportedException("The split holds no samples.");

    public ISampleSource Take(int take) => new ShapeOnlySamples(Math.Min(take, count), channels, height, width, timesteps);
}
