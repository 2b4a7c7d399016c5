namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// What <c>sweep report</c> found: the sweep's groups with their completed runs, every metric any run has, each
/// group's figures per metric and the runs that did not count (not completed).
/// </summary>
internal sealed record SweepResults(
    SweepPlan Plan,
    BaselineGroup? Baseline,
    IReadOnlyList<SweepGroup> Groups,
    IReadOnlyList<SweepMetric> Metrics,
    IReadOnlyList<MetricResult> Results,
    IReadOnlyList<SweepRunState> Missing)
{
    public const string NotSameSeeds = "not paired: the group and the baseline were not planned with the same seeds (one run per run.seed each)";

    /// <summary>Groups <paramref name="completed"/> as the plan does and computes every group's figures per metric.</summary>
    /// <param name="plan">The sweep's plan.</param>
    /// <param name="baseline">The baseline group, or null for a report without comparisons.</param>
    /// <param name="states">Every run's state.</param>
    /// <param name="completed">The metrics of the completed runs.</param>
    public static SweepResults Of(SweepPlan plan, BaselineGroup? baseline, IReadOnlyList<SweepRunState> states, IReadOnlyList<RunMetrics> completed)
    {
        var byRun = completed.ToDictionary(r => r.Run.Name);
        var groups = plan.Runs.OrderBy(r => r.Index).GroupBy(r => r.Group)
            .Select(g => new SweepGroup(g.Key, g.Key == baseline?.Group, g.ToArray(), g.Where(r => byRun.ContainsKey(r.Name)).Select(r => byRun[r.Name]).ToArray()))
            .ToArray();
        var metrics = SweepMetric.InReportOrder(groups.SelectMany(g => g.Completed).SelectMany(r => r.Values.Keys));
        var reference = groups.FirstOrDefault(g => g.IsBaseline);
        var results = new List<MetricResult>();
        foreach (var metric in metrics)
            foreach (var group in groups)
            {
                var statistics = GroupStatistics.Of(group.Values(metric));
                if (statistics is null) continue;
                var compared = reference is not null && group != reference;
                results.Add(new MetricResult(
                    group, metric, statistics,
                    compared ? WelchTest.Compare(group.Values(metric), reference!.Values(metric)) : null,
                    !compared ? null
                    : group.SameSeedsAs(reference!) ? PairedTest.Compare(group.PairsWith(reference!, metric))
                    : Comparison.Undefined(0, null, NotSameSeeds)));
            }
        return new SweepResults(plan, baseline, groups, metrics, results, states.Where(s => s.State != RunState.Completed).ToArray());
    }

    /// <summary>The figures of <paramref name="group"/> for <paramref name="metric"/>, or null when none of its completed runs has it.</summary>
    public MetricResult? For(SweepGroup group, SweepMetric metric) => Results.FirstOrDefault(r => r.Group == group && r.Metric == metric);

    /// <summary>Every completed run's notes, each with its run's name.</summary>
    public IEnumerable<string> Notes => Groups.SelectMany(g => g.Completed).SelectMany(r => r.Notes.Select(n => $"{r.Run.Name}: {n}"));
}
