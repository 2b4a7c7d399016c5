using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Neuromorph.Plugins.SelfDistillation;

/// <summary>con(t): each timestep's batch-mean confidence, from p(t) = softmax(o(t)) at temperature 1.</summary>
internal static class TimestepConfidence
{
    /// <summary>
    /// The T confidences of <paramref name="logits"/> (<c>[T, B, M]</c>) under <paramref name="metric"/>, copied to
    /// the CPU in one transfer. No graph is recorded: the ranking chooses timesteps, it is not differentiated.
    /// </summary>
    public static double[] Compute(Tensor logits, ConfidenceMetric metric)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var perSample = metric switch
        {
            ConfidenceMetric.MaxProbability => softmax(logits, -1).max(-1).values,
            ConfidenceMetric.Entropy => NegativeEntropy(logits),
            ConfidenceMetric.Margin => Margin(logits),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown confidence metric."),
        };
        return perSample.mean([1]).to(float64).cpu().data<double>().ToArray();
    }

    /// <summary>Σ_c p_c log p_c per sample, with log p from log_softmax (0·log 0 contributes 0).</summary>
    private static Tensor NegativeEntropy(Tensor logits)
    {
        var logProbabilities = log_softmax(logits, -1);
        return (logProbabilities.exp() * logProbabilities).sum([-1]);
    }

    /// <summary>The largest minus the second largest class probability per sample.</summary>
    private static Tensor Margin(Tensor logits)
    {
        var topTwo = softmax(logits, -1).topk(2, dim: -1).values;
        return topTwo.select(-1, 0) - topTwo.select(-1, 1);
    }
}
