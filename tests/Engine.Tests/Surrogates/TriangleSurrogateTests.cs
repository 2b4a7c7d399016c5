using Neuromorph.Engine.Surrogates;

namespace Neuromorph.Engine.Tests.Surrogates;

/// <summary>The triangle surrogate: dS/dx = α·max(0, 1 − α|x|), primitive −½α²|x|x + αx + ½ on |x| ≤ 1/α.</summary>
public sealed class TriangleSurrogateTests
{
    private static readonly double[] Points = SurrogateTestPoints.Points;

    [Fact]
    public void Backward_DefaultAlphaOne_HandValues()
    {
        // α = 1: 1 − |x| inside (−1, 1), 0 outside. Points −2, −0.75, −0.49, −0.3, −0.1, 0, 0.05, 0.25, 0.49, 0.51, 1.3.
        var gradient = SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("triangle", 0), Points);

        gradient.Should().BeEquivalentTo(
            [0.0, 0.25, 0.51, 0.7, 0.9, 1.0, 0.95, 0.75, 0.51, 0.49, 0.0],
            o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
    }

    [Fact]
    public void Backward_AlphaTwo_HandValues()
    {
        // α = 2: 2·(1 − 2|x|) inside (−0.5, 0.5), peak 2, 0 from |x| = 0.5 on.
        var gradient = SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("triangle", 2.0), Points);

        gradient.Should().BeEquivalentTo(
            [0.0, 0.0, 0.04, 0.8, 1.6, 2.0, 1.8, 1.0, 0.04, 0.0, 0.0],
            o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(0.7)]
    public void Backward_MatchesCentralDifferenceOfPrimitive(double alpha)
    {
        const double h = 1e-8; // at the kink x = 0 the central difference is α − α²h/2: h small keeps that within the tolerance
        var gradient = SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("triangle", alpha), Points);

        for (var i = 0; i < Points.Length; i++)
        {
            var x = Points[i];
            var centralDifference = (Primitive(x + h, alpha) - Primitive(x - h, alpha)) / (2 * h);
            gradient[i].Should().BeApproximately(centralDifference, 1e-6, "the backward pass at x = {0}", x);
        }
    }

    [Fact]
    public void Primitive_HasAreaOne()
    {
        // The primitive goes from 0 to 1 across the triangle: the derivative integrates to 1 for every α.
        foreach (var alpha in new[] { 0.5, 1.0, 3.0 })
            (Primitive(1.0 / alpha, alpha) - Primitive(-1.0 / alpha, alpha)).Should().BeApproximately(1.0, 1e-12);
    }

    private static double Primitive(double x, double alpha)
    {
        if (x < -1.0 / alpha) return 0.0;
        if (x > 1.0 / alpha) return 1.0;
        return -0.5 * alpha * alpha * Math.Abs(x) * x + alpha * x + 0.5;
    }
}
