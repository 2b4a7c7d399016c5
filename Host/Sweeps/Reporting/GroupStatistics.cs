namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>One group's values of one metric: how many, their mean, sample standard deviation, smallest and largest.</summary>
/// <param name="N">The number of values (completed runs that have the metric).</param>
/// <param name="Mean">Their mean.</param>
/// <param name="StandardDeviation">The sample standard deviation (divisor n − 1); null for fewer than two values.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
internal sealed record GroupStatistics(int N, double Mean, double? StandardDeviation, double Min, double Max)
{
    /// <summary>Why <see cref="StandardDeviation"/> can be null.</summary>
    public const string TooFewRuns = "a standard deviation needs at least 2 completed runs";

    /// <summary>The statistics of <paramref name="values"/>, or null when there are none.</summary>
    public static GroupStatistics? Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return null;
        var mean = values.Average();
        double? deviation = values.Count < 2 ? null : Math.Sqrt(SampleVariance.Of(values));
        return new GroupStatistics(values.Count, mean, deviation, values.Min(), values.Max());
    }
}
