using MathNet.Numerics.Distributions;

namespace Neuromorph.Host.Sweeps.Reporting;

/// <summary>
/// A group's difference from the baseline in one metric (group − baseline), with its 95% confidence interval and the
/// two-sided p-value of a t-test. What cannot be computed is null, and <see cref="Reason"/> says why.
/// </summary>
/// <param name="N">The values the test used: runs in both groups (Welch) or seed pairs (paired).</param>
/// <param name="Difference">The difference of means (Welch) or mean of per-seed differences (paired); null when a side has no value.</param>
/// <param name="Low">The lower end of the 95% confidence interval.</param>
/// <param name="High">The upper end.</param>
/// <param name="DegreesOfFreedom">The t distribution's degrees of freedom (Welch–Satterthwaite, or pairs − 1).</param>
/// <param name="P">The two-sided p-value.</param>
/// <param name="Reason">Why the interval and p-value (or the difference) are missing; null when they are there.</param>
internal sealed record Comparison(int N, double? Difference, double? Low, double? High, double? DegreesOfFreedom, double? P, string? Reason)
{
    public const double Level = 0.95;

    /// <summary>The interval and p-value of <paramref name="difference"/> whose standard error is
    /// <paramref name="standardError"/>, for a t statistic with <paramref name="degreesOfFreedom"/>.</summary>
    public static Comparison FromT(int n, double difference, double standardError, double degreesOfFreedom)
    {
        var quantile = StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - (1 - Level) / 2);
        var t = difference / standardError;
        // 2·F(−|t|) rather than 2·(1 − F(|t|)): no cancellation for small p.
        var p = Math.Min(1, 2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(t)));
        return new Comparison(n, difference, difference - quantile * standardError, difference + quantile * standardError, degreesOfFreedom, p, null);
    }

    /// <summary>A comparison whose test cannot be made; <paramref name="difference"/> is kept when it is known.</summary>
    public static Comparison Undefined(int n, double? difference, string reason) => new(n, difference, null, null, null, null, reason);
}
