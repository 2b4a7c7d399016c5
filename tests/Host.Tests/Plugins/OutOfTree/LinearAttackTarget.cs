using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins.OutOfTree;

/// <summary>
/// A tiny model to attack: logits = flatten(x)·W + b, one timestep. Its input gradient has a closed form,
/// so tests can predict a signed-gradient step by hand (see <see cref="CrossEntropyInputGradient"/>).
/// </summary>
internal sealed class LinearAttackTarget : IAttackTarget
{
    private readonly double[,] weights;
    private readonly double[] bias;

    /// <param name="weights">W, <c>[D, M]</c>: D input pixels, M classes.</param>
    /// <param name="bias">b, <c>[M]</c>.</param>
    public LinearAttackTarget(double[,] weights, double[] bias)
    {
        if (bias.Length != weights.GetLength(1))
            throw new ArgumentException($"bias has {bias.Length} entries but W has {weights.GetLength(1)} columns.", nameof(bias));
        this.weights = weights;
        this.bias = bias;
    }

    public int Timesteps => 1;

    public int InputSize => weights.GetLength(0);

    public int ClassCount => weights.GetLength(1);

    public torch.Tensor Logits(torch.Tensor inputs)
    {
        using var scope = torch.NewDisposeScope();
        var flat = inputs.flatten(1);
        if (flat.shape[1] != InputSize)
            throw new ArgumentException($"Expected {InputSize} pixels per input, got {flat.shape[1]}.", nameof(inputs));
        var w = torch.tensor(Flatten(weights), [InputSize, ClassCount], torch.float32);
        var b = torch.tensor(bias.Select(value => (float)value).ToArray(), torch.float32);
        return (flat.matmul(w) + b).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Computed in managed code: the logits of one flattened input <paramref name="x"/>.
    /// </summary>
    public double[] LogitsOf(double[] x)
    {
        var logits = (double[])bias.Clone();
        for (var d = 0; d < InputSize; d++)
            for (var m = 0; m < ClassCount; m++)
                logits[m] += x[d] * weights[d, m];
        return logits;
    }

    /// <summary>
    /// Computed in managed code: ∂CE/∂x for one input of a batch of <paramref name="batchSize"/> (mean
    /// reduction) with true class <paramref name="label"/>: W·(softmax(z) − onehot(label)) / B.
    /// </summary>
    public double[] CrossEntropyInputGradient(double[] x, int label, int batchSize)
    {
        var logits = LogitsOf(x);
        var max = logits.Max();
        var exponentials = logits.Select(z => Math.Exp(z - max)).ToArray();
        var sum = exponentials.Sum();
        var gradient = new double[InputSize];
        for (var d = 0; d < InputSize; d++)
        {
            for (var m = 0; m < ClassCount; m++)
            {
                var residual = exponentials[m] / sum - (m == label ? 1 : 0);
                gradient[d] += weights[d, m] * residual / batchSize;
            }
        }
        return gradient;
    }

    /// <summary>Computed in managed code: the cross-entropy of one flattened input.</summary>
    public double CrossEntropy(double[] x, int label)
    {
        var logits = LogitsOf(x);
        var max = logits.Max();
        return max + Math.Log(logits.Sum(z => Math.Exp(z - max))) - logits[label];
    }

    private static float[] Flatten(double[,] matrix) => matrix.Cast<double>().Select(value => (float)value).ToArray();
}
