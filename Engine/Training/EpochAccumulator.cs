using Neuromorph.Abstractions;

namespace Neuromorph.Engine.Training;

/// <summary>
/// Running sums over the iterations of one epoch. It is saved in checkpoints, so an epoch interrupted and
/// resumed reports the same figures as one run straight through.
/// </summary>
internal sealed class EpochAccumulator
{
    public double LossSum { get; set; }

    public long Correct { get; set; }

    public long Samples { get; set; }

    public int Iterations { get; set; }

    public double Seconds { get; set; }

    public double TrainingSeconds { get; set; }

    public Dictionary<string, double[]> DiagnosticSums { get; set; } = [];

    public Dictionary<string, DiagnosticAggregation> DiagnosticAggregations { get; set; } = [];

    /// <summary>Plugin swaps attempted during the epoch so far (kept in checkpoints with the sums).</summary>
    public List<PluginReload> PluginReloads { get; set; } = [];

    public void Add(double loss, long correct, int samples, double trainingSeconds, IReadOnlyDictionary<string, Diagnostic> diagnostics)
    {
        LossSum += loss;
        Correct += correct;
        Samples += samples;
        Iterations++;
        TrainingSeconds += trainingSeconds;
        foreach (var (name, diagnostic) in diagnostics)
        {
            if (!DiagnosticSums.TryGetValue(name, out var sums) || sums.Length != diagnostic.Values.Length)
            {
                sums = new double[diagnostic.Values.Length];
                DiagnosticSums[name] = sums;
            }
            for (var i = 0; i < sums.Length; i++) sums[i] += diagnostic.Values[i];
            DiagnosticAggregations[name] = diagnostic.Aggregation;
        }
    }

    public double MeanLoss => Iterations == 0 ? 0 : LossSum / Iterations;

    public double Accuracy => Samples == 0 ? 0 : (double)Correct / Samples;

    /// <summary>Each diagnostic folded over the epoch: the mean or the sum of its per-iteration values.</summary>
    public Dictionary<string, double[]> FoldedDiagnostics() => DiagnosticSums.ToDictionary(
        pair => pair.Key,
        pair => DiagnosticAggregations.GetValueOrDefault(pair.Key) == DiagnosticAggregation.Sum || Iterations == 0
            ? pair.Value.ToArray()
            : pair.Value.Select(v => v / Iterations).ToArray());
}
