using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Attacks;

/// <summary>
/// A fake model: logits = W·flatten(x) + b in float64 (inputs of any float type are cast, differentiably), with
/// W and b also kept as managed arrays for hand computations.
/// </summary>
internal sealed class LinearTarget : IAttackTarget
{
    public LinearTarget(double[,] weights, double[] bias)
    {
        Weights = weights;
        Bias = bias;
        var (classes, features) = (weights.GetLength(0), weights.GetLength(1));
        WeightTensor = tensor(weights.Cast<double>().ToArray(), [classes, features], float64).DetachFromDisposeScope();
        BiasTensor = tensor(bias, float64).DetachFromDisposeScope();
    }

    public double[,] Weights { get; }

    public double[] Bias { get; }

    public Tensor WeightTensor { get; }

    public Tensor BiasTensor { get; }

    public int Timesteps => 4;

    /// <summary>A target with entries of W and b drawn uniformly from [−scale, scale].</summary>
    public static LinearTarget Random(int classes, int features, int seed, double scale = 1.0)
    {
        var random = new Random(seed);
        var weights = new double[classes, features];
        for (var m = 0; m < classes; m++)
            for (var d = 0; d < features; d++)
                weights[m, d] = scale * (2 * random.NextDouble() - 1);
        var bias = Enumerable.Range(0, classes).Select(_ => 0.1 * scale * (2 * random.NextDouble() - 1)).ToArray();
        return new LinearTarget(weights, bias);
    }

    public Tensor Logits(Tensor inputs) =>
        inputs.to(float64).flatten(1).matmul(WeightTensor.t()) + BiasTensor;

    /// <summary>The logits of one flattened sample, computed in managed code.</summary>
    public double[] LogitsOf(double[] sample)
    {
        var logits = (double[])Bias.Clone();
        for (var m = 0; m < logits.Length; m++)
            for (var d = 0; d < sample.Length; d++)
                logits[m] += Weights[m, d] * sample[d];
        return logits;
    }
}
