using Neuromorph.Engine.Surrogates;

namespace Neuromorph.Engine.Tests.Surrogates;

/// <summary>SuperSpike's fast sigmoid: dS/dx = 1/(1 + α|x|)², the derivative of x/(1 + α|x|).</summary>
public sealed class FastSigmoidSurrogateTests
{
    private static readonly double[] Points = SurrogateTestPoints.Points;

    [Fact]
    public void Backward_DefaultAlphaTen_HandValues()
    {
        // α = 10 at x = −2, −0.3, −0.1, 0, 0.05, 0.25: 1/21², 1/4², 1/2², 1, 1/1.5², 1/3.5².
        var gradient = SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("fast-sigmoid", 0), [-2.0, -0.3, -0.1, 0.0, 0.05, 0.25]);

        gradient.Should().BeEquivalentTo(
            [1.0 / 441, 1.0 / 16, 0.25, 1.0, 1.0 / 2.25, 1.0 / 12.25],
            o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(1.0)]
    [InlineData(25.0)]
    public void Backward_EqualsFormulaAndCentralDifferenceOfPrimitive(double alpha)
    {
        const double h = 1e-8; // at the kink x = 0 the central difference is 1/(1 + αh): h small keeps that within the tolerance
        var gradient = SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("fast-sigmoid", alpha), Points);

        for (var i = 0; i < Points.Length; i++)
        {
            var x = Points[i];
            var formula = 1.0 / Math.Pow(1 + alpha * Math.Abs(x), 2);
            var centralDifference = (Primitive(x + h, alpha) - Primitive(x - h, alpha)) / (2 * h);
            gradient[i].Should().BeApproximately(formula, 1e-12, "the formula at x = {0}", x);
            gradient[i].Should().BeApproximately(centralDifference, 1e-6, "the primitive's slope at x = {0}", x);
        }
    }

    [Fact]
    public void Backward_IsSymmetricAndQuarterOfPeakAtOneOverAlpha()
    {
        var gradient = SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("fast-sigmoid", 4.0), [-0.25, 0.25]);

        gradient.Should().Equal(0.25, 0.25);
    }

    private static double Primitive(double x, double alpha) => x / (1 + alpha * Math.Abs(x));
}
