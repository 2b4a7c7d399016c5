using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Plugins.Neurons;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

public sealed class AlifNeuronTests
{
    private static readonly double[] Inputs = [2.4, 2.4, 2.4, 2.4, 0.0];

    private static AlifNeuron Alif(AlifOptions options) => new(options, SurrogateGradients.Create("rectangular", 1.0));

    /// <summary>τ = 2, θ₀ = 1, β = 0.5, ρ = 0.5: θ(t) = 1 + a(t)/2, a(t+1) = a(t)/2 + S(t)/2.</summary>
    private static AlifOptions Options(ResetMode reset = ResetMode.Soft, bool detachReset = false) =>
        new(Tau: 2.0, Threshold: 1.0, Beta: 0.5, Rho: 0.5, Reset: reset, DetachReset: detachReset);

    [Fact]
    public void Step_SoftReset_MatchesHandComputedSequence()
    {
        // t0: θ = 1       H = 1.2                     S = 1  V = 0.2     a = 0.5
        // t1: θ = 1.25    H = 0.2 + 2.2/2 = 1.3       S = 1  V = 0.05    a = 0.75
        // t2: θ = 1.375   H = 0.05 + 2.35/2 = 1.225   S = 0  V = 1.225   a = 0.375   (lif would fire here)
        // t3: θ = 1.1875  H = 1.225 + 1.175/2 = 1.8125 S = 1 V = 0.625   a = 0.6875
        // t4: θ = 1.34375 H = 0.625/2 = 0.3125        S = 0  V = 0.3125  a = 0.34375
        var trace = NeuronTrace.Of(Alif(Options()), Inputs);

        trace.ShouldBe([1, 1, 0, 1, 0], [0.2, 0.05, 1.225, 0.625, 0.3125]);
        trace.VariableShouldBe(AlifNeuron.AdaptationKey, [0.5, 0.75, 0.375, 0.6875, 0.34375]);
    }

    [Fact]
    public void Step_HardReset_MatchesHandComputedSequence()
    {
        // t0: θ = 1        H = 1.2                S = 1  V = 0    a = 0.5
        // t1: θ = 1.25     H = 1.2                S = 0  V = 1.2  a = 0.25
        // t2: θ = 1.125    H = 1.2 + 1.2/2 = 1.8  S = 1  V = 0    a = 0.625
        // t3: θ = 1.3125   H = 1.2                S = 0  V = 1.2  a = 0.3125
        // t4: θ = 1.15625  H = 0.6                S = 0  V = 0.6  a = 0.15625
        var trace = NeuronTrace.Of(Alif(Options(ResetMode.Hard)), Inputs);

        trace.ShouldBe([1, 0, 1, 0, 0], [0, 1.2, 0, 1.2, 0.6]);
        trace.VariableShouldBe(AlifNeuron.AdaptationKey, [0.5, 0.25, 0.625, 0.3125, 0.15625]);
    }

    [Fact]
    public void Run_ConstantDrive_ThresholdAdaptsAndFiresLessThanLif()
    {
        // Under the same constant drive, lif (β = 0) fires at every step; the adaptive threshold skips some.
        double[] drive = Enumerable.Repeat(2.4, 12).ToArray();
        var adaptive = NeuronTrace.Of(Alif(Options()), drive);
        var plain = NeuronTrace.Of(Alif(Options() with { Beta = 0 }), drive);
        var lif = NeuronTrace.Of(new LifNeuron(new LifOptions(), SurrogateGradients.Create("rectangular", 1.0)), drive);

        plain.ShouldBe(lif.Spikes, lif.Membrane);
        lif.Spikes.Sum().Should().Be(12);
        adaptive.Spikes.Sum().Should().BeLessThan(12).And.BeGreaterThan(0);
        adaptive.Variables[AlifNeuron.AdaptationKey].Should().OnlyContain(a => a > 0 && a < 1);
    }

    /// <summary>
    /// L = S(1), x = (2.4, 2.4), rectangular surrogate (g = 1 for |u| &lt; 0.5), the options above.
    /// t0: H0 = 1.2, u0 = 0.2, S0 = 1, dS0/dx0 = g0/2 = 0.5; a1 = S0/2, so dθ1/dx0 = β·(1 − ρ)·dS0/dx0 = 0.125.
    /// V0 = H0 − θ0·S0: dV0/dx0 = 0.5 − 0.5 = 0, or 0.5 with the reset detached.
    /// t1: H1 = V0/2 + 1.2 = 1.3, θ1 = 1.25, u1 = 0.05: dL/dx0 = dH1/dx0 − dθ1/dx0 = dV0/dx0/2 − 0.125; dL/dx1 = 0.5.
    /// </summary>
    [Theory]
    [InlineData(false, -0.125)]
    [InlineData(true, 0.125)]
    public void Run_TwoSteps_GradientFlowsThroughTheAdaptiveThreshold(bool detachReset, double expectedFirst)
    {
        using var scope = NewDisposeScope();
        INeuronModel alif = Alif(Options(detachReset: detachReset));
        var inputs = tensor(new[] { 2.4, 2.4 }, dtype: float64).requires_grad_(true);

        var spikes = alif.Run(inputs);
        spikes[1].backward();

        spikes.data<double>().ToArray().Should().Equal(1.0, 1.0);
        var gradient = inputs.grad!.data<double>().ToArray();
        gradient[0].Should().BeApproximately(expectedFirst, 1e-12);
        gradient[1].Should().BeApproximately(0.5, 1e-12);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_InvalidBeta_ThrowsForKeyBeta(double beta)
    {
        var create = () => Alif(Options() with { Beta = beta });

        create.Should().Throw<PluginOptionsException>().Where(e => e.Key == "beta").WithMessage("*beta*");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_InvalidRho_ThrowsForKeyRho(double rho)
    {
        var create = () => Alif(Options() with { Rho = rho });

        create.Should().Throw<PluginOptionsException>().Where(e => e.Key == "rho").WithMessage("*rho*");
    }

    [Fact]
    public void Constructor_InvalidTauThresholdOrReset_ThrowsForTheirKeys()
    {
        var tau = () => Alif(Options() with { Tau = 0.9 });
        var threshold = () => Alif(Options() with { Threshold = 0 });
        var reset = () => Alif(Options() with { Reset = (ResetMode)5 });

        tau.Should().Throw<PluginOptionsException>().Where(e => e.Key == "tau");
        threshold.Should().Throw<PluginOptionsException>().Where(e => e.Key == "threshold");
        reset.Should().Throw<PluginOptionsException>().Where(e => e.Key == "reset");
    }
}
