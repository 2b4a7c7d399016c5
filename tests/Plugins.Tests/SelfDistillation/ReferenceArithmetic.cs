namespace Neuromorph.Plugins.Tests.SelfDistillation;

/// <summary>
/// Plain double arithmetic (Math.Exp / Math.Log loops) for the expected values, written from method.md
/// §2–3 independently of the plugin: distributions are arrays of B rows of M probabilities.
/// </summary>
internal static class ReferenceArithmetic
{
    public static double[] Softmax(double[] logits, double temperature)
    {
        var max = logits.Max();
        var exps = logits.Select(v => Math.Exp((v - max) / temperature)).ToArray();
        var sum = exps.Sum();
        return exps.Select(e => e / sum).ToArray();
    }

    public static double[] Row(double[,,] logits, int t, int b) =>
        Enumerable.Range(0, logits.GetLength(2)).Select(c => logits[t, b, c]).ToArray();

    /// <summary>q(t) = softmax(o(t)/α), one row per sample.</summary>
    public static double[][] Softened(double[,,] logits, int t, double temperature) =>
        Enumerable.Range(0, logits.GetLength(1)).Select(b => Softmax(Row(logits, t, b), temperature)).ToArray();

    /// <summary>softmax(mean over <paramref name="timesteps"/> of o(t), divided by α).</summary>
    public static double[][] EnsembleOfLogits(double[,,] logits, int[] timesteps, double temperature) =>
        Enumerable.Range(0, logits.GetLength(1)).Select(b =>
        {
            var mean = new double[logits.GetLength(2)];
            foreach (var t in timesteps)
                for (var c = 0; c < mean.Length; c++) mean[c] += logits[t, b, c] / timesteps.Length;
            return Softmax(mean, temperature);
        }).ToArray();

    /// <summary>The mean over <paramref name="timesteps"/> of q(t).</summary>
    public static double[][] EnsembleOfProbabilities(double[,,] logits, int[] timesteps, double temperature) =>
        Enumerable.Range(0, logits.GetLength(1)).Select(b =>
        {
            var mean = new double[logits.GetLength(2)];
            foreach (var t in timesteps)
            {
                var q = Softmax(Row(logits, t, b), temperature);
                for (var c = 0; c < mean.Length; c++) mean[c] += q[c] / timesteps.Length;
            }
            return mean;
        }).ToArray();

    /// <summary>KL(P‖Q) = Σ_c P_c (log P_c − log Q_c), averaged over the rows (batchmean).</summary>
    public static double Kl(double[][] p, double[][] q)
    {
        var total = 0.0;
        for (var b = 0; b < p.Length; b++)
            for (var c = 0; c < p[b].Length; c++)
                total += p[b][c] * (Math.Log(p[b][c]) - Math.Log(q[b][c]));
        return total / p.Length;
    }

    /// <summary>con(t) under a metric, from softmax at temperature 1, averaged over the batch.</summary>
    public static double Confidence(double[,,] logits, int t, string metric)
    {
        var total = 0.0;
        for (var b = 0; b < logits.GetLength(1); b++)
        {
            var p = Softmax(Row(logits, t, b), 1.0);
            var sorted = p.OrderByDescending(v => v).ToArray();
            total += metric switch
            {
                "max-probability" => sorted[0],
                "entropy" => p.Sum(v => v * Math.Log(v)),
                "margin" => sorted[0] - sorted[1],
                _ => throw new ArgumentException($"unknown metric {metric}"),
            };
        }
        return total / logits.GetLength(1);
    }
}
