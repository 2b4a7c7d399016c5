namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// The paired t-test of a group against the baseline over the seeds both ran: the mean of the per-seed differences
/// (group − baseline), its standard error s_d/√n and n − 1 degrees of freedom. Pairing removes what a seed does to
/// both runs alike (initialisation, data order).
/// </summary>
internal static class PairedTest
{
    public const string TooFewPairs = "the paired test needs at least 2 seeds completed in both the group and the baseline";
    public const string NoVariance = "the per-seed differences are all equal: the paired t statistic is undefined";

    /// <param name="pairs">The group's and the baseline's value for each seed both completed.</param>
    public static Comparison Compare(IReadOnlyList<(double Group, double Baseline)> pairs)
    {
        if (pairs.Count == 0) return Comparison.Undefined(0, null, TooFewPairs);
        var differences = pairs.Select(p => p.Group - p.Baseline).ToArray();
        var mean = differences.Average();
        if (pairs.Count < 2) return Comparison.Undefined(pairs.Count, mean, TooFewPairs);
        // Rounding is judged at the size of the values themselves, not of their (smaller) differences.
        var variance = SampleVariance.Of(differences, pairs.Max(p => Math.Max(Math.Abs(p.Group), Math.Abs(p.Baseline))));
        if (variance == 0) return Comparison.Undefined(pairs.Count, mean, NoVariance);
        return Comparison.FromT(pairs.Count, mean, Math.Sqrt(variance / differences.Length), differences.Length - 1);
    }
}
