using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Plugins.Neurons;

namespace Neuromorph.Plugins.Tests.Neurons;

public sealed class LifNeuronTests
{
    private static readonly double[] Inputs = [0.6, 1.5, 0.2, 2.5, 1.6, 0.0];

    private static LifNeuron Lif(LifOptions options) => new(options, SurrogateGradients.Create("rectangular", 1.0));

    [Fact]
    public void Step_SoftReset_MatchesHandComputedSequence()
    {
        // τ = 2, θ = 1, H = V + (X − V)/2, V = H − S:
        // t0: H = 0 + 0.6/2 = 0.3                  S = 0  V = 0.3
        // t1: H = 0.3 + (1.5 − 0.3)/2 = 0.9        S = 0  V = 0.9
        // t2: H = 0.9 + (0.2 − 0.9)/2 = 0.55       S = 0  V = 0.55
        // t3: H = 0.55 + (2.5 − 0.55)/2 = 1.525    S = 1  V = 0.525
        // t4: H = 0.525 + (1.6 − 0.525)/2 = 1.0625 S = 1  V = 0.0625
        // t5: H = 0.0625 + (0 − 0.0625)/2 = 0.03125 S = 0 V = 0.03125
        NeuronTrace.Of(Lif(new LifOptions()), Inputs).ShouldBe(
            [0, 0, 0, 1, 1, 0],
            [0.3, 0.9, 0.55, 0.525, 0.0625, 0.03125]);
    }

    [Fact]
    public void Step_HardReset_MatchesHandComputedSequence()
    {
        // τ = 2, θ = 1, V = H·(1 − S): t0..t2 as with the soft reset, then
        // t3: H = 1.525               S = 1  V = 0
        // t4: H = 0 + 1.6/2 = 0.8     S = 0  V = 0.8
        // t5: H = 0.8 − 0.8/2 = 0.4   S = 0  V = 0.4
        NeuronTrace.Of(Lif(new LifOptions(Reset: ResetMode.Hard)), Inputs).ShouldBe(
            [0, 0, 0, 1, 0, 0],
            [0.3, 0.9, 0.55, 0, 0.8, 0.4]);
    }

    [Fact]
    public void Step_PotentialExactlyAtThreshold_Fires()
    {
        // τ = 4, θ = 0.5, inputs 2, 2: H = 2/4 = 0.5 = θ → S = 1, V = 0.5 − 0.5 = 0; again H = 0.5 → S = 1, V = 0.
        NeuronTrace.Of(Lif(new LifOptions(Tau: 4.0, Threshold: 0.5)), 2.0, 2.0).ShouldBe([1, 1], [0, 0]);
    }

    [Fact]
    public void Step_TauOne_ForgetsThePreviousPotential()
    {
        // τ = 1: H = V + (X − V) = X. Inputs 0.7, 0.7: no accumulation, no spike; V = 0.7 each step.
        NeuronTrace.Of(Lif(new LifOptions(Tau: 1.0)), 0.7, 0.7).ShouldBe([0, 0], [0.7, 0.7]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-2.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_InvalidTau_ThrowsForKeyTau(double tau)
    {
        var create = () => Lif(new LifOptions(Tau: tau));

        create.Should().Throw<PluginOptionsException>()
            .Where(e => e.Key == "tau").WithMessage("*tau*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Constructor_InvalidThreshold_ThrowsForKeyThreshold(double threshold)
    {
        var create = () => Lif(new LifOptions(Threshold: threshold));

        create.Should().Throw<PluginOptionsException>()
            .Where(e => e.Key == "threshold").WithMessage("*threshold*");
    }

    [Fact]
    public void Constructor_UndefinedResetMode_ThrowsForKeyReset()
    {
        var create = () => Lif(new LifOptions(Reset: (ResetMode)7));

        create.Should().Throw<PluginOptionsException>().Where(e => e.Key == "reset");
    }
}
