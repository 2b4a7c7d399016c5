using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Neuromorph.Engine.Training;

/// <summary>
/// Confidence-based early exit over an SNN's timesteps. Per sample, the prediction after t timesteps is
/// the argmax of the running mean of logits <c>o(1..t)</c>; the sample exits at the first t whose softmax
/// of that running mean has a maximum probability of at least θ, or at T if none does.
/// </summary>
/// <remarks>
/// One call handles every threshold from a single forward pass: the running means and their confidences
/// are computed once and each θ only scans them. Confidences are computed in double precision, so that
/// θ = 1.0 is reached only by overwhelming margins (a logit gap above about 37) and not by float rounding.
/// </remarks>
internal static class EarlyExit
{
    /// <summary>
    /// The early-exit tallies of one batch for each threshold, in the order given.
    /// <paramref name="logits"/> is <c>[T, B, M]</c>, <paramref name="labels"/> <c>[B]</c> class indices.
    /// </summary>
    public static EarlyExitCounts[] Evaluate(Tensor logits, Tensor labels, IReadOnlyList<double> thresholds)
    {
        Validate(logits, labels, thresholds);
        var timesteps = (int)logits.shape[0];
        var batch = (int)logits.shape[1];
        if (thresholds.Count == 0) return [];

        double[] confidences;
        long[] predictions;
        long[] truth;
        using (NewDisposeScope())
        {
            var running = logits.cumsum(0);
            // The same prediction rule as the evaluator's accuracy at the first k timesteps.
            predictions = running.argmax(-1).contiguous().data<long>().ToArray();
            var steps = arange(1, timesteps + 1, ScalarType.Float64, logits.device).reshape(timesteps, 1, 1);
            var mean = running.to_type(ScalarType.Float64) / steps;
            confidences = softmax(mean, -1).amax([-1]).contiguous().data<double>().ToArray();
            truth = labels.to_type(ScalarType.Int64).contiguous().data<long>().ToArray();
        }

        var counts = new EarlyExitCounts[thresholds.Count];
        for (var i = 0; i < thresholds.Count; i++)
        {
            long correct = 0, used = 0;
            for (var b = 0; b < batch; b++)
            {
                var exit = ExitTimestep(confidences, b, batch, timesteps, thresholds[i]);
                used += exit + 1;
                if (predictions[exit * batch + b] == truth[b]) correct++;
            }
            counts[i] = new EarlyExitCounts(thresholds[i], correct, used, batch);
        }
        return counts;
    }

    /// <summary>The zero-based exit timestep of sample <paramref name="sample"/>: the first reaching θ, else the last.</summary>
    private static int ExitTimestep(double[] confidences, int sample, int batch, int timesteps, double threshold)
    {
        for (var t = 0; t < timesteps; t++)
            if (confidences[t * batch + sample] >= threshold) return t;
        return timesteps - 1;
    }

    private static void Validate(Tensor logits, Tensor labels, IReadOnlyList<double> thresholds)
    {
        if (logits.dim() != 3 || logits.shape[0] < 1 || logits.shape[2] < 1)
            throw new ArgumentException($"Early exit needs logits [T, B, M] with T, M >= 1, got [{string.Join(", ", logits.shape)}].", nameof(logits));
        if (labels.dim() != 1 || labels.shape[0] != logits.shape[1])
            throw new ArgumentException(
                $"Early exit needs labels [B] = [{logits.shape[1]}] to match the logits, got [{string.Join(", ", labels.shape)}].", nameof(labels));
        foreach (var threshold in thresholds)
            if (!(threshold > 0 && threshold <= 1))
                throw new ArgumentOutOfRangeException(nameof(thresholds), threshold, "An early-exit threshold θ must satisfy 0 < θ <= 1.");
    }
}
