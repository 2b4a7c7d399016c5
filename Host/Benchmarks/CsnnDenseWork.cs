using static TorchSharp.torch;

namespace Neuromorph.Host.Benchmarks;

/// <summary>
/// The convolutions and matrix products of one <c>csnn</c> training step, counted and timed on their own:
/// the floor under the step, since everything else (neurons, batch norm, pooling, the loss, the optimizer,
/// the framework) comes on top of them. The network (see <c>ConvolutionalSnn</c>) runs conv1 once per image
/// (its input is the same at every timestep) and conv2, fc1 and fc2 on all T·B rows. In training, conv1 needs
/// only its weight gradient (its input is data); the others need weight and input gradients. FLOPs count a
/// multiply-add as two.
/// </summary>
internal sealed record CsnnDenseWork(int Batch, int Timesteps, int InChannels, int Height, int Width, int Channels1, int Channels2, int Hidden, int Classes)
{
    /// <summary>Fashion-MNIST's csnn as <c>bench csnn</c> builds it.</summary>
    public static CsnnDenseWork FashionMnist(int batch, int timesteps) => new(batch, timesteps, 1, 28, 28, 32, 64, 256, 10);

    private long Rows => (long)Timesteps * Batch;

    private long Flattened => (long)Channels2 * (Height / 4) * (Width / 4);

    /// <summary>Forward multiply-adds of conv1 (once per image).</summary>
    public long Conv1MultiplyAdds => (long)Batch * Channels1 * Height * Width * InChannels * 9;

    /// <summary>Forward multiply-adds of conv2 (every timestep).</summary>
    public long Conv2MultiplyAdds => Rows * Channels2 * (Height / 2) * (Width / 2) * Channels1 * 9;

    /// <summary>Forward multiply-adds of fc1 and fc2 (every timestep).</summary>
    public long LinearMultiplyAdds => Rows * (Flattened * Hidden + (long)Hidden * Classes);

    /// <summary>FLOPs of the convolutions in one training step: forward, then conv1's weight gradient and conv2's two gradients.</summary>
    public double ConvolutionTrainingFlops => 2.0 * (2 * Conv1MultiplyAdds + 3 * Conv2MultiplyAdds);

    /// <summary>FLOPs of the matrix products in one training step: forward and both gradients.</summary>
    public double MatmulTrainingFlops => 2.0 * 3 * LinearMultiplyAdds;

    public double TrainingFlops => ConvolutionTrainingFlops + MatmulTrainingFlops;

    /// <summary>
    /// Median milliseconds of the convolutions' and of the matrix products' forward and backward passes over
    /// <paramref name="repeats"/> timed runs (after one untimed), on random data of the step's shapes.
    /// </summary>
    public (double ConvolutionMs, double MatmulMs) Measure(int repeats)
    {
        using var scope = NewDisposeScope();
        manual_seed(0);
        var conv1 = nn.Conv2d(InChannels, Channels1, 3, padding: 1, bias: false);
        var conv2 = nn.Conv2d(Channels1, Channels2, 3, padding: 1, bias: false);
        var fc1 = nn.Linear(Flattened, Hidden, hasBias: false);
        var fc2 = nn.Linear(Hidden, Classes);
        var images = rand(Batch, InChannels, Height, Width);
        var pooled1 = rand(Rows, Channels1, Height / 2, Width / 2).requires_grad_(true);
        var flattened = rand(Rows, Flattened).requires_grad_(true);
        var hidden = rand(Rows, Hidden).requires_grad_(true);

        var convolution = Benchmarks.Median.OfRuns(repeats, () =>
        {
            conv1.forward(images).sum().backward();
            conv2.forward(pooled1).sum().backward();
        });
        var matmul = Benchmarks.Median.OfRuns(repeats, () =>
        {
            fc1.forward(flattened).sum().backward();
            fc2.forward(hidden).sum().backward();
        });
        return (convolution, matmul);
    }
}
