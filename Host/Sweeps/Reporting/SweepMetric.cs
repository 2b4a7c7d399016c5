namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// One metric of a sweep's runs, e.g. the final test accuracy, or FGSM's robust accuracy at L∞ 8/255 in
/// <c>robustness.json</c>. Two runs' values are the same metric when every field is equal, so the accuracy of a file
/// made from the best checkpoint is never averaged with one made from the last.
/// </summary>
/// <param name="Source">The run's file it comes from: <c>summary.json</c>, an evaluation or a robustness report.</param>
/// <param name="Checkpoint">The checkpoint the file evaluated (<c>best.ckpt</c>); empty for the summary (the final model).</param>
/// <param name="Samples">The test samples the file evaluated (an attack's <c>--limit</c>); 0 for the summary.</param>
/// <param name="Name">Its name within the file, as <c>results.csv</c> writes it: <c>test_accuracy_k1</c>, <c>early_exit_accuracy@0.9</c>.</param>
/// <param name="Label">How <c>results.md</c> names it.</param>
/// <param name="Unit">What it measures.</param>
/// <param name="Section">Where it is listed: the summary's accuracies, evaluations, robustness, then cost.</param>
/// <param name="Rank">Where it is listed within its file (test accuracy, best, first k timesteps, early exit, ...).</param>
/// <param name="Parameter">What orders metrics of one rank: k or θ; 0 for the rest, which keep the file's order.</param>
/// <param name="Attacked">For a robust accuracy with an ε budget in a norm: the attack and its budget (what the figures plot it against).</param>
internal sealed record SweepMetric(
    string Source, string Checkpoint, int Samples, string Name, string Label, MetricUnit Unit, int Section, int Rank, double Parameter,
    AttackBudget? Attacked = null)
{
    /// <summary>The metric's source with its checkpoint and samples, e.g. <c>evaluation.json, best.ckpt, 2000 test samples</c>.</summary>
    public string Origin => Checkpoint.Length == 0 ? Source : $"{Source}, {Checkpoint}, {Samples} test samples";

    /// <summary>The metrics in report order: by section, file, checkpoint, rank and parameter, else as first met.</summary>
    public static IReadOnlyList<SweepMetric> InReportOrder(IEnumerable<SweepMetric> metrics) =>
        metrics.Distinct().OrderBy(m => m.Section).ThenBy(m => m.Source, StringComparer.Ordinal).ThenBy(m => m.Checkpoint, StringComparer.Ordinal).ThenBy(m => m.Samples)
            .ThenBy(m => m.Rank).ThenBy(m => m.Parameter).ToArray();
}
