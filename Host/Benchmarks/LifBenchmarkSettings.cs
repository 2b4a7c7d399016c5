namespace Neuromorph.Host.Benchmarks;

/// <summary>What <c>bench lif</c> measures.</summary>
/// <param name="Sizes">The layer widths n, one measurement each.</param>
/// <param name="Timesteps">T, the length of the input sequence.</param>
/// <param name="Batch">Samples per sequence.</param>
/// <param name="Threads">TorchSharp's intra-op threads.</param>
/// <param name="Repeats">Timed repeats of each pass; the median is reported.</param>
internal sealed record LifBenchmarkSettings(
    IReadOnlyList<int> Sizes,
    int Timesteps = 500,
    int Batch = 16,
    int Threads = 2,
    int Repeats = 5);
