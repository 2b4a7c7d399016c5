using Neuromorph.Abstractions;

namespace Neuromorph.Engine.Training;

/// <summary>
/// Folds the per-epoch diagnostics of <c>metrics.jsonl</c> into the run's: a <see cref="DiagnosticAggregation.Sum"/>
/// diagnostic is summed over the epochs, a <see cref="DiagnosticAggregation.Mean"/> one is the mean over every
/// iteration of the run (each epoch's mean weighted by its iteration count). Computed from the log alone, so an
/// interrupted and resumed run reports the same figures as one run straight through.
/// </summary>
internal static class RunDiagnostics
{
    /// <summary>The name an aggregation is written under in a metrics line.</summary>
    public static string NameOf(DiagnosticAggregation aggregation) => aggregation == DiagnosticAggregation.Sum ? "sum" : "mean";

    /// <summary>Each diagnostic's aggregation by name, as written in a metrics line.</summary>
    public static Dictionary<string, string> Names(IReadOnlyDictionary<string, DiagnosticAggregation> aggregations) =>
        aggregations.ToDictionary(pair => pair.Key, pair => NameOf(pair.Value));

    /// <summary>
    /// The run's figure of every diagnostic found in <paramref name="epochs"/>. A diagnostic whose length
    /// changed during the run is folded over the epochs with its latest length. Epochs that lack an iteration
    /// count (older logs) weigh as one iteration; a diagnostic without a recorded aggregation is a mean.
    /// </summary>
    public static Dictionary<string, double[]> Fold(IReadOnlyList<EpochMetrics> epochs)
    {
        var folded = new Dictionary<string, double[]>();
        foreach (var name in epochs.SelectMany(e => e.Diagnostics.Keys).Distinct())
        {
            var present = epochs.Where(e => e.Diagnostics.ContainsKey(name)).ToList();
            var latest = present[^1];
            var length = latest.Diagnostics[name].Length;
            present.RemoveAll(e => e.Diagnostics[name].Length != length);
            folded[name] = IsSum(latest, name) ? Sum(present, name, length) : IterationMean(present, name, length);
        }
        return folded;
    }

    private static bool IsSum(EpochMetrics epoch, string name) =>
        epoch.DiagnosticAggregations.TryGetValue(name, out var aggregation) && aggregation == NameOf(DiagnosticAggregation.Sum);

    private static double[] Sum(IReadOnlyList<EpochMetrics> epochs, string name, int length)
    {
        var sums = new double[length];
        foreach (var epoch in epochs)
            for (var i = 0; i < length; i++) sums[i] += epoch.Diagnostics[name][i];
        return sums;
    }

    private static double[] IterationMean(IReadOnlyList<EpochMetrics> epochs, string name, int length)
    {
        var weighted = new double[length];
        double iterations = 0;
        foreach (var epoch in epochs)
        {
            var weight = epoch.Iterations > 0 ? epoch.Iterations : 1;
            for (var i = 0; i < length; i++) weighted[i] += epoch.Diagnostics[name][i] * weight;
            iterations += weight;
        }
        return weighted.Select(v => v / iterations).ToArray();
    }
}
