namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>One group's figures for one metric: its statistics and, for a group other than the baseline, the comparisons.</summary>
/// <param name="Group">The group.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Statistics">n, mean, standard deviation, min and max over the group's completed runs.</param>
/// <param name="Welch">The difference of means from the baseline with Welch's test; null for the baseline itself or
/// when the sweep has no baseline.</param>
/// <param name="Paired">The mean per-seed difference with the paired test (its reason says when the groups are not
/// paired); null as <paramref name="Welch"/> is.</param>
internal sealed record MetricResult(SweepGroup Group, SweepMetric Metric, GroupStatistics Statistics, Comparison? Welch, Comparison? Paired);
