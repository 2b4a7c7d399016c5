namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>A group of a sweep (its runs differ only in the seed) and its completed runs' metrics.</summary>
/// <param name="Name">The group's name: its runs' name without <c>run.seed</c>.</param>
/// <param name="IsBaseline">Whether the others are compared with it.</param>
/// <param name="Planned">Its runs in the plan.</param>
/// <param name="Completed">The metrics of its completed runs; only these count.</param>
internal sealed record SweepGroup(string Name, bool IsBaseline, IReadOnlyList<PlannedRun> Planned, IReadOnlyList<RunMetrics> Completed)
{
    /// <summary>The name as the tables show it, marked when it is the baseline.</summary>
    public string Title => IsBaseline ? $"{Name} (baseline)" : Name;

    /// <summary>The values of <paramref name="metric"/> over the completed runs that have it.</summary>
    public IReadOnlyList<double> Values(SweepMetric metric) =>
        Completed.Where(r => r.Values.ContainsKey(metric)).Select(r => r.Values[metric]).ToArray();

    /// <summary>
    /// Whether this group and <paramref name="other"/> were planned with the same seeds, one run per seed, so that a run
    /// of one pairs with the run of the other with its seed.
    /// </summary>
    public bool SameSeedsAs(SweepGroup other)
    {
        static long?[] Seeds(SweepGroup group) => group.Planned.Select(RunMetrics.SeedOf).ToArray();
        var mine = Seeds(this);
        var theirs = Seeds(other);
        return mine.All(s => s is not null) && theirs.All(s => s is not null)
            && mine.Distinct().Count() == mine.Length && theirs.Distinct().Count() == theirs.Length
            && mine.ToHashSet().SetEquals(theirs);
    }

    /// <summary>The (this group, <paramref name="baseline"/>) values of <paramref name="metric"/> for each seed both completed.</summary>
    public IReadOnlyList<(double Group, double Baseline)> PairsWith(SweepGroup baseline, SweepMetric metric) =>
        (from mine in Completed
         join theirs in baseline.Completed on mine.Seed equals theirs.Seed
         where mine.Seed is not null && mine.Values.ContainsKey(metric) && theirs.Values.ContainsKey(metric)
         orderby mine.Seed
         select (mine.Values[metric], theirs.Values[metric])).ToArray();
}
