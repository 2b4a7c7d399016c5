namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// Welch's unequal-variances t-test of a group against the baseline: the difference of means, its standard error
/// √(s₁²/n₁ + s₂²/n₂) and the Welch–Satterthwaite degrees of freedom.
/// </summary>
internal static class WelchTest
{
    public const string TooFewRuns = "Welch's test needs at least 2 completed runs in the group and in the baseline";
    public const string NoVariance = "within the group and within the baseline every run has the same value (zero variance): the t statistic is undefined";
    public const string NoBaselineValue = "the baseline has no completed run with this metric";

    public static Comparison Compare(IReadOnlyList<double> group, IReadOnlyList<double> baseline)
    {
        var n = group.Count + baseline.Count;
        if (group.Count == 0 || baseline.Count == 0) return Comparison.Undefined(n, null, NoBaselineValue);
        var difference = group.Average() - baseline.Average();
        if (group.Count < 2 || baseline.Count < 2) return Comparison.Undefined(n, difference, TooFewRuns);
        var a = SampleVariance.Of(group) / group.Count;
        var b = SampleVariance.Of(baseline) / baseline.Count;
        if (a + b == 0) return Comparison.Undefined(n, difference, NoVariance);
        var degreesOfFreedom = (a + b) * (a + b) / (a * a / (group.Count - 1) + b * b / (baseline.Count - 1));
        return Comparison.FromT(n, difference, Math.Sqrt(a + b), degreesOfFreedom);
    }

}
