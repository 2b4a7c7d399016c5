using Neuromorph.Host.Sweeps.Reporting;

namespace Neuromorph.Host.Tests.Sweeps;

/// <summary>
/// The report's statistics against SciPy 1.10.1 (Debian 12's python3-scipy), with
/// <c>from scipy import stats; import numpy as np</c>. Welch's degrees of freedom and a CI's ends are computed in
/// Python as <c>va, vb = np.var(a, ddof=1)/len(a), np.var(b, ddof=1)/len(b)</c>,
/// <c>df = (va+vb)**2/(va**2/(len(a)-1) + vb**2/(len(b)-1))</c>, <c>d ± stats.t.ppf(0.975, df)*np.sqrt(va+vb)</c>; the
/// paired CI as <c>dd.mean() ± stats.t.ppf(0.975, n-1)*dd.std(ddof=1)/np.sqrt(n)</c> with <c>dd = np.array(a)-np.array(b)</c>.
/// The p-values are exact to the last digits; CI ends to 1e-9 relative (MathNet finds the t quantile by root finding).
/// </summary>
public sealed class SweepStatisticsTests
{
    private static readonly double[] A = [84.2, 85.1, 83.7, 86.0];

    [Fact]
    public void GroupStatistics_FourRuns_MeanSampleStdMinMax()
    {
        var statistics = GroupStatistics.Of(A)!;

        statistics.N.Should().Be(4);
        statistics.Mean.Should().BeApproximately(84.75, 1e-12);
        // np.std([84.2, 85.1, 83.7, 86.0], ddof=1)
        statistics.StandardDeviation.Should().BeApproximately(1.0148891565092197, 1e-12);
        statistics.Min.Should().Be(83.7);
        statistics.Max.Should().Be(86.0);
    }

    [Fact]
    public void GroupStatistics_OneRun_HasNoStandardDeviation()
    {
        var statistics = GroupStatistics.Of([61.5])!;

        statistics.Should().Be(new GroupStatistics(1, 61.5, null, 61.5, 61.5));
    }

    [Fact]
    public void GroupStatistics_NoRun_IsNull()
    {
        GroupStatistics.Of([]).Should().BeNull();
    }

    [Fact]
    public void GroupStatistics_ValuesEqualUpToRounding_HaveAStandardDeviationOfExactlyZero()
    {
        // 0.09 * 100 is 9.000000000000002: the same accuracy read through two roundings.
        GroupStatistics.Of([0.09 * 100, 9.0, 0.09 * 100])!.StandardDeviation.Should().Be(0);
    }

    [Fact]
    public void Welch_UnequalGroupSizes_MatchesScipy()
    {
        // stats.ttest_ind([84.2, 85.1, 83.7, 86.0], [82.9, 83.5, 84.1], equal_var=False).pvalue
        var welch = WelchTest.Compare(A, [82.9, 83.5, 84.1]);

        welch.Reason.Should().BeNull();
        welch.Difference.Should().BeApproximately(1.25, 1e-12);
        welch.DegreesOfFreedom.Should().BeApproximately(4.863348738002123, 1e-12);
        welch.P.Should().BeApproximately(0.0991423625187648, 1e-13);
        welch.Low.Should().BeApproximately(-0.34283362773655623, 1e-9);
        welch.High.Should().BeApproximately(2.8428336277365562, 1e-9);
        welch.N.Should().Be(7);
    }

    [Fact]
    public void Welch_GroupsFarApart_KeepsTheSmallPValue()
    {
        // stats.ttest_ind([91.2, 91.5, 91.3, 91.6, 91.4], [88.1, 88.4, 88.0, 88.3, 88.2], equal_var=False).pvalue
        var welch = WelchTest.Compare([91.2, 91.5, 91.3, 91.6, 91.4], [88.1, 88.4, 88.0, 88.3, 88.2]);

        welch.P!.Value.Should().BeApproximately(9.904905582262979e-10, 1e-9 * 9.904905582262979e-10);
        welch.DegreesOfFreedom.Should().BeApproximately(8.0, 1e-12);
        welch.Low.Should().BeApproximately(2.969399586496666, 1e-9);
        welch.High.Should().BeApproximately(3.4306004135033397, 1e-9);
    }

    [Fact]
    public void Welch_OneGroupWithoutVariance_TakesTheOthersDegreesOfFreedom()
    {
        // stats.ttest_ind([50.0, 50.0, 50.0], [48.0, 49.5, 51.0], equal_var=False).pvalue
        var welch = WelchTest.Compare([50.0, 50.0, 50.0], [48.0, 49.5, 51.0]);

        welch.DegreesOfFreedom.Should().BeApproximately(2.0, 1e-12);
        welch.P.Should().BeApproximately(0.6220355269907728, 1e-12);
        welch.Low.Should().BeApproximately(-3.2262065677656286, 1e-8);
        welch.High.Should().BeApproximately(4.226206567765629, 1e-8);
    }

    [Fact]
    public void Welch_OneRunInTheGroup_KeepsTheDifferenceAndSaysWhyThereIsNoTest()
    {
        var welch = WelchTest.Compare([86.0], A);

        welch.Should().Be(Comparison.Undefined(5, 86.0 - 84.75, WelchTest.TooFewRuns));
    }

    [Fact]
    public void Welch_NoVarianceOnEitherSide_KeepsTheDifferenceAndSaysWhyThereIsNoTest()
    {
        var welch = WelchTest.Compare([62.0, 62.0], [60.0, 60.0, 60.0]);

        welch.Difference.Should().Be(2.0);
        welch.Reason.Should().Be(WelchTest.NoVariance);
        welch.P.Should().BeNull();
        welch.Low.Should().BeNull();
    }

    [Fact]
    public void Welch_NoBaselineRun_HasNoDifference()
    {
        WelchTest.Compare(A, []).Should().Be(Comparison.Undefined(4, null, WelchTest.NoBaselineValue));
    }

    [Fact]
    public void Paired_FourSeeds_MatchesScipy()
    {
        // stats.ttest_rel([84.2, 85.1, 83.7, 86.0], [83.1, 84.6, 83.0, 84.9]).pvalue
        double[] baseline = [83.1, 84.6, 83.0, 84.9];
        var paired = PairedTest.Compare(A.Zip(baseline).ToArray());

        paired.Reason.Should().BeNull();
        paired.N.Should().Be(4);
        paired.Difference.Should().BeApproximately(0.8500000000000014, 1e-12);
        paired.DegreesOfFreedom.Should().Be(3);
        paired.P.Should().BeApproximately(0.010884830031502753, 1e-13);
        paired.Low.Should().BeApproximately(0.3726330542073615, 1e-9);
        paired.High.Should().BeApproximately(1.3273669457926414, 1e-9);
    }

    [Fact]
    public void Paired_ThreeSeeds_MatchesScipy()
    {
        // stats.ttest_rel([71.5, 73.4, 72.8], [70.0, 70.9, 72.6]).pvalue
        var paired = PairedTest.Compare([(71.5, 70.0), (73.4, 70.9), (72.8, 72.6)]);

        paired.Difference.Should().BeApproximately(1.400000000000001, 1e-12);
        paired.P.Should().BeApproximately(0.1702261813217198, 1e-13);
        paired.Low.Should().BeApproximately(-1.4648473655620318, 1e-8);
        paired.High.Should().BeApproximately(4.264847365562034, 1e-8);
    }

    [Fact]
    public void Paired_EqualDifferences_KeepsTheDifferenceAndSaysWhyThereIsNoTest()
    {
        // Each difference is 1.2 up to rounding (61.3 - 60.1 is 1.1999999999999957).
        var paired = PairedTest.Compare([(61.3, 60.1), (62.5, 61.3), (63.2, 62.0)]);

        paired.Difference.Should().BeApproximately(1.2, 1e-12);
        paired.Reason.Should().Be(PairedTest.NoVariance);
        paired.P.Should().BeNull();
    }

    [Fact]
    public void Paired_OnePair_KeepsTheDifferenceAndSaysWhyThereIsNoTest()
    {
        PairedTest.Compare([(61.0, 60.0)]).Should().Be(Comparison.Undefined(1, 1.0, PairedTest.TooFewPairs));
    }
}
