using Neuromorph.Engine.Surrogates;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Surrogates;

public sealed class AdjustableSurrogateTests
{
    // x = 0.4: rectangular with a = 1 gives 1 (inside the window), with a = 0.5 gives 0 (outside |x| < 0.25);
    // atan with α = 2 gives 2 / (2·(1 + (0.4π)²)).
    private static readonly double[] Point = [0.4];

    [Fact]
    public void Swap_ChangesTheGradientOfLaterSpikes()
    {
        var adjustable = new AdjustableSurrogate(SurrogateGradients.Create("rectangular", 1.0));
        SurrogateTestPoints.BackwardAt(adjustable, Point).Single().Should().Be(1.0);

        adjustable.Current = SurrogateGradients.Create("rectangular", 0.5);
        SurrogateTestPoints.BackwardAt(adjustable, Point).Single().Should().Be(0.0);

        adjustable.Current = SurrogateGradients.Create("atan", 2.0);
        var u = 0.4 * Math.PI;
        SurrogateTestPoints.BackwardAt(adjustable, Point).Single().Should().BeApproximately(1.0 / (1 + u * u), 1e-12);
        adjustable.Name.Should().Be("atan");
    }

    [Fact]
    public void Use_RestoresThePreviousSurrogateOnDispose()
    {
        var wide = SurrogateGradients.Create("rectangular", 1.0);
        var adjustable = new AdjustableSurrogate(wide);

        using (adjustable.Use(SurrogateGradients.Create("rectangular", 0.5)))
            SurrogateTestPoints.BackwardAt(adjustable, Point).Single().Should().Be(0.0);

        adjustable.Current.Should().BeSameAs(wide);
        SurrogateTestPoints.BackwardAt(adjustable, Point).Single().Should().Be(1.0);
    }

    [Fact]
    public void Swap_AfterForward_KeepsTheGradientOfTheSurrogateThatRanForward()
    {
        using var scope = NewDisposeScope();
        var adjustable = new AdjustableSurrogate(SurrogateGradients.Create("rectangular", 1.0));
        var x = tensor(Point, dtype: float64).requires_grad_(true);
        var spikes = adjustable.Spike(x);

        adjustable.Current = SurrogateGradients.Create("rectangular", 0.5);
        spikes.sum().backward();

        x.grad!.data<double>().Single().Should().Be(1.0);
    }

    [Fact]
    public void Derivative_UsesTheCurrentSurrogate()
    {
        using var scope = NewDisposeScope();
        var adjustable = new AdjustableSurrogate(SurrogateGradients.Create("rectangular", 1.0));
        adjustable.Current = SurrogateGradients.Create("rectangular", 2.0);

        adjustable.Derivative(tensor(Point, dtype: float64)).data<double>().Single().Should().Be(0.5);
    }

    [Fact]
    public void Current_SetToItself_Throws()
    {
        var adjustable = new AdjustableSurrogate(SurrogateGradients.Create("atan", 0));

        var selfReference = () => adjustable.Current = adjustable;

        selfReference.Should().Throw<ArgumentException>();
    }
}
