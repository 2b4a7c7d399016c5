namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// The sample variance (divisor n − 1), the one formula the group statistics and both tests use. Values that differ
/// only by floating-point rounding count as equal, so their variance is exactly 0: an accuracy is a count over the
/// test set, so two runs either agree or differ by at least 1/N (1e-4 for 10,000 images), far above the 1e-9 relative
/// tolerance, while a mean of equal values can be off by one unit in the last place and make a t statistic of 10¹⁵.
/// </summary>
internal static class SampleVariance
{
    private const double RelativeTolerance = 1e-9;

    /// <summary>The variance of <paramref name="values"/> (at least two), 0 when they are all equal up to rounding at
    /// the size of <paramref name="magnitude"/> (by default the largest |value|).</summary>
    public static double Of(IReadOnlyList<double> values, double? magnitude = null)
    {
        var scale = Math.Max(1, magnitude ?? values.Max(Math.Abs));
        if (values.Max() - values.Min() <= RelativeTolerance * scale) return 0;
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }
}
