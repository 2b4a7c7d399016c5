namespace Neuromorph.Host.Benchmarks;

/// <summary>What <c>bench model</c> measures: a zoo model at an input size, and how it is trained and timed.</summary>
/// <param name="Model">The architecture (<c>model.name</c>).</param>
/// <param name="Input">One sample, <c>[C, H, W]</c>.</param>
/// <param name="Classes">The class count.</param>
/// <param name="Width">Base width; 0 uses the model's published width.</param>
/// <param name="Norm"><c>bn</c> or <c>tdbn</c>.</param>
/// <param name="Batch">Samples per mini-batch.</param>
/// <param name="Timesteps">T.</param>
/// <param name="Threads">TorchSharp's intra-op threads.</param>
/// <param name="Scheme">The distillation scheme (<c>none</c> or a scheme plugin's name, with its default options).</param>
/// <param name="Iterations">Timed training steps.</param>
/// <param name="Warmup">Untimed training steps first.</param>
internal sealed record ModelBenchmarkSettings(
    string Model = "resnet19",
    long[]? Input = null,
    int Classes = 10,
    int Width = 0,
    string Norm = "bn",
    int Batch = 64,
    int Timesteps = 4,
    int Threads = 2,
    string Scheme = "none",
    int Iterations = 5,
    int Warmup = 1)
{
    /// <summary>One sample's shape; CIFAR's 3×32×32 unless given.</summary>
    public long[] Input { get; init; } = Input ?? [3, 32, 32];
}
