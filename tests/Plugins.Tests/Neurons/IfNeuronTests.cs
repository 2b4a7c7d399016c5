using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Plugins.Neurons;

namespace Neuromorph.Plugins.Tests.Neurons;

public sealed class IfNeuronTests
{
    private static readonly double[] Inputs = [0.6, 0.5, 0.2, 2.5, 0.0];

    private static IfNeuron If(IfOptions options) => new(options, SurrogateGradients.Create("rectangular", 1.0));

    [Fact]
    public void Step_SoftReset_MatchesHandComputedSequence()
    {
        // θ = 1, H = V + X, V = H − S:
        // t0: H = 0.6        S = 0  V = 0.6
        // t1: H = 1.1        S = 1  V = 0.1
        // t2: H = 0.3        S = 0  V = 0.3
        // t3: H = 2.8        S = 1  V = 1.8
        // t4: H = 1.8        S = 1  V = 0.8   (the charge kept by the soft reset fires again)
        NeuronTrace.Of(If(new IfOptions()), Inputs).ShouldBe(
            [0, 1, 0, 1, 1],
            [0.6, 0.1, 0.3, 1.8, 0.8]);
    }

    [Fact]
    public void Step_HardReset_MatchesHandComputedSequence()
    {
        // θ = 1, V = H·(1 − S):
        // t0: H = 0.6  S = 0  V = 0.6
        // t1: H = 1.1  S = 1  V = 0
        // t2: H = 0.2  S = 0  V = 0.2
        // t3: H = 2.7  S = 1  V = 0
        // t4: H = 0    S = 0  V = 0
        NeuronTrace.Of(If(new IfOptions(Reset: ResetMode.Hard)), Inputs).ShouldBe(
            [0, 1, 0, 1, 0],
            [0.6, 0, 0.2, 0, 0]);
    }

    [Fact]
    public void Step_CustomThreshold_MatchesHandComputedSequence()
    {
        // θ = 2, soft: t0 H = 1.5 S = 0 V = 1.5; t1 H = 2.0 = θ S = 1 V = 0; t2 H = 1.0 S = 0 V = 1.0.
        NeuronTrace.Of(If(new IfOptions(Threshold: 2.0)), 1.5, 0.5, 1.0).ShouldBe([0, 1, 0], [1.5, 0, 1.0]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_InvalidThreshold_ThrowsForKeyThreshold(double threshold)
    {
        var create = () => If(new IfOptions(Threshold: threshold));

        create.Should().Throw<PluginOptionsException>().Where(e => e.Key == "threshold");
    }
}
