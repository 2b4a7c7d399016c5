using Neuromorph.Engine.Surrogates;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Surrogates;

public sealed class SurrogateGradientTests
{
    private static readonly double[] Points = SurrogateTestPoints.Points;

    [Theory]
    [InlineData("rectangular")]
    [InlineData("atan")]
    [InlineData("sigmoid")]
    [InlineData("triangle")]
    [InlineData("fast-sigmoid")]
    public void Spike_Forward_IsHeavisideWithOneAtZero(string name)
    {
        var spikes = SurrogateTestPoints.ForwardAt(SurrogateGradients.Create(name, 0), Points);

        var expected = Points.Select(x => x >= 0 ? 1.0 : 0.0).ToArray();
        spikes.Should().Equal(expected);
        SurrogateTestPoints.ForwardAt(SurrogateGradients.Create(name, 0), [0.0]).Should().Equal(1.0);
    }

    [Fact]
    public void Spike_Forward_KeepsDtypeAndShape()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new float[] { -1f, 0f, 2f, -0.5f, 0.5f, 3f }).reshape(2, 3);

        var spikes = SurrogateGradients.Create("atan", 0).Spike(x);

        spikes.dtype.Should().Be(ScalarType.Float32);
        spikes.shape.Should().Equal(2L, 3L);
        spikes.data<float>().ToArray().Should().Equal(0f, 1f, 1f, 0f, 1f, 1f);
    }

    [Theory]
    [InlineData(0.0, 1.0)]   // default a = 1: gradient 1 inside |x| < 0.5
    [InlineData(1.0, 1.0)]
    [InlineData(0.5, 0.5)]   // window |x| < 0.25, height 2
    [InlineData(2.0, 2.0)]   // window |x| < 1, height 0.5
    public void Rectangular_Backward_IsBoxOfWidthAAndHeightOneOverA(double alpha, double width)
    {
        var gradient = SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("rectangular", alpha), Points);

        var expected = Points.Select(x => Math.Abs(x) < width / 2 ? 1.0 / width : 0.0).ToArray();
        gradient.Should().Equal(expected);
    }

    [Fact]
    public void Rectangular_DefaultWidth_HandValues()
    {
        // a = 1: 1 strictly inside (−0.5, 0.5), 0 at and beyond the edges.
        var gradient = SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("rectangular", 0), [-0.5, -0.49, 0.0, 0.49, 0.5]);

        gradient.Should().Equal(0.0, 1.0, 1.0, 1.0, 0.0);
    }

    [Theory]
    [InlineData(0.0, 2.0)]   // default α = 2
    [InlineData(3.5, 3.5)]
    public void Atan_Backward_EqualsAnalyticDerivative(double alpha, double effectiveAlpha)
    {
        var gradient = SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("atan", alpha), Points);

        var expected = Points.Select(x => AtanDerivative(x, effectiveAlpha)).ToArray();
        gradient.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
    }

    [Theory]
    [InlineData(0.0, 4.0)]   // default α = 4
    [InlineData(1.5, 1.5)]
    public void Sigmoid_Backward_EqualsAnalyticDerivative(double alpha, double effectiveAlpha)
    {
        var gradient = SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("sigmoid", alpha), Points);

        var expected = Points.Select(x => SigmoidDerivative(x, effectiveAlpha)).ToArray();
        gradient.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
    }

    [Fact]
    public void Backward_AtZero_HandValues()
    {
        // Peaks: atan α/2 = 1 (α = 2); sigmoid α/4 = 1 (α = 4); rectangular 1/a = 1.
        SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("atan", 0), [0.0]).Single().Should().BeApproximately(1.0, 1e-15);
        SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("sigmoid", 0), [0.0]).Single().Should().BeApproximately(1.0, 1e-15);
        SurrogateTestPoints.BackwardAt(SurrogateGradients.Create("rectangular", 0), [0.0]).Single().Should().Be(1.0);
    }

    [Theory]
    [InlineData("atan", 2.0)]
    [InlineData("atan", 5.0)]
    [InlineData("sigmoid", 4.0)]
    [InlineData("sigmoid", 1.5)]
    public void SmoothSurrogates_AnalyticDerivative_MatchesCentralDifferenceOfPrimitive(string name, double alpha)
    {
        Func<double, double> primitive = name == "atan"
            ? x => Math.Atan(Math.PI / 2 * alpha * x) / Math.PI + 0.5
            : x => 1.0 / (1.0 + Math.Exp(-alpha * x));
        Func<double, double> derivative = name == "atan"
            ? x => AtanDerivative(x, alpha)
            : x => SigmoidDerivative(x, alpha);
        const double h = 1e-5;

        var gradient = SurrogateTestPoints.BackwardAt(SurrogateGradients.Create(name, alpha), Points);

        for (var i = 0; i < Points.Length; i++)
        {
            var x = Points[i];
            var centralDifference = (primitive(x + h) - primitive(x - h)) / (2 * h);
            derivative(x).Should().BeApproximately(centralDifference, 1e-8, "the formula at x = {0}", x);
            gradient[i].Should().BeApproximately(centralDifference, 1e-8, "the backward pass at x = {0}", x);
        }
    }

    [Theory]
    [InlineData("rectangular")]
    [InlineData("atan")]
    [InlineData("sigmoid")]
    [InlineData("triangle")]
    [InlineData("fast-sigmoid")]
    public void Derivative_RecordsNoGraph_AndEqualsBackward(string name)
    {
        using var scope = NewDisposeScope();
        var surrogate = SurrogateGradients.Create(name, 0);
        var x = tensor(Points, dtype: float64).requires_grad_(true);

        var derivative = surrogate.Derivative(x);

        derivative.requires_grad.Should().BeFalse();
        derivative.data<double>().ToArray().Should().Equal(SurrogateTestPoints.BackwardAt(surrogate, Points));
    }

    [Fact]
    public void Backward_ScalesUpstreamGradient()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 0.1, 0.2 }, dtype: float64).requires_grad_(true);

        // d/dx of (3·S(x0) + 5·S(x1)) with the rectangular box (a = 1): 3 and 5.
        var spikes = SurrogateGradients.Create("rectangular", 0).Spike(x);
        spikes.mul(tensor(new[] { 3.0, 5.0 }, dtype: float64)).sum().backward();

        x.grad!.data<double>().ToArray().Should().Equal(3.0, 5.0);
    }

    private static double AtanDerivative(double x, double alpha)
    {
        var u = Math.PI / 2 * alpha * x;
        return alpha / (2 * (1 + u * u));
    }

    private static double SigmoidDerivative(double x, double alpha)
    {
        var s = 1.0 / (1.0 + Math.Exp(-alpha * x));
        return alpha * s * (1 - s);
    }
}
