using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Plugins.Neurons;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

public sealed class PlifNeuronTests
{
    private static readonly double[] Inputs = [2.0, 2.0, 2.0, 0.0, 4.4];

    private static PlifNeuron Plif(PlifOptions options) => new(options, SurrogateGradients.Create("rectangular", 1.0));

    [Theory]
    [InlineData(2.0)]
    [InlineData(4.0)]
    [InlineData(1.25)]
    public void Parameters_DeclareScalarWWithSigmoidOneOverInitTau(double initTau)
    {
        var declaration = Plif(new PlifOptions(InitTau: initTau)).Parameters.Should().ContainSingle().Subject;

        declaration.Name.Should().Be("w");
        declaration.Shape.Should().Be(ParameterShape.Scalar);
        declaration.InitialValue.Should().BeApproximately(-Math.Log(initTau - 1), 1e-15);
        (1.0 / (1.0 + Math.Exp(-declaration.InitialValue))).Should().BeApproximately(1.0 / initTau, 1e-15);
    }

    [Fact]
    public void Step_SoftReset_InitTauFour_MatchesHandComputedSequence()
    {
        // k = σ(−ln 3) = 1/4, θ = 1, H = V + (X − V)/4, V = H − S:
        // t0: H = 2/4 = 0.5                         S = 0  V = 0.5
        // t1: H = 0.5 + 1.5/4 = 0.875               S = 0  V = 0.875
        // t2: H = 0.875 + 1.125/4 = 1.15625         S = 1  V = 0.15625
        // t3: H = 0.15625 − 0.15625/4 = 0.1171875   S = 0  V = 0.1171875
        // t4: H = 0.1171875 + 4.2828125/4 = 1.187890625  S = 1  V = 0.187890625
        // (w is a float32 tensor: σ(w) = 1/4 to about 1e-8.)
        NeuronTrace.Of(Plif(new PlifOptions(InitTau: 4.0)), Inputs).ShouldBe(
            [0, 0, 1, 0, 1],
            [0.5, 0.875, 0.15625, 0.1171875, 0.187890625], 1e-6);
    }

    [Fact]
    public void Step_HardReset_InitTauFour_MatchesHandComputedSequence()
    {
        // As above to t2, then V = H·(1 − S): t2 V = 0; t3 H = 0, V = 0; t4 H = 4.4/4 = 1.1, S = 1, V = 0.
        NeuronTrace.Of(Plif(new PlifOptions(InitTau: 4.0, Reset: ResetMode.Hard)), Inputs).ShouldBe(
            [0, 0, 1, 0, 1],
            [0.5, 0.875, 0, 0, 0], 1e-6);
    }

    [Fact]
    public void Step_InitTauTwo_EqualsLifWithTauTwo()
    {
        // w = −ln 1 = 0 exactly, σ(0) = 1/2: the same dynamics as lif with τ = 2.
        double[] inputs = [0.6, 1.5, 0.2, 2.5, 1.6, 0.0];
        var lif = NeuronTrace.Of(new LifNeuron(new LifOptions(), SurrogateGradients.Create("rectangular", 1.0)), inputs);

        NeuronTrace.Of(Plif(new PlifOptions()), inputs).ShouldBe(lif.Spikes, lif.Membrane);
    }

    /// <summary>
    /// L = S(0) + S(1), x = (1.2, 1.0), θ = 1, w = 0 (k = 1/2, dk/dw = 1/4), rectangular surrogate (g = 1 for |u| &lt; 0.5).
    /// H0 = k·x0 = 0.6 (u0 = −0.4, S0 = 0), V0 = 0.6; H1 = V0 + (x1 − V0)·k = 0.8 (u1 = −0.2, S1 = 0).
    /// dH0/dk = x0 = 1.2; soft: dV0/dk = dH0/dk·(1 − g0) = 0 (1.2 detached); hard: dV0/dk = dH0/dk·(1 − S0) − H0·g0·dH0/dk = 0.48.
    /// dH1/dk = dV0/dk·(1 − k) + (x1 − V0) = 0.4, 1.0, 0.64; dL/dk = 1.2 + dH1/dk; dL/dw = dL/dk / 4.
    /// </summary>
    [Theory]
    [InlineData(ResetMode.Soft, false, 0.4)]
    [InlineData(ResetMode.Soft, true, 0.55)]
    [InlineData(ResetMode.Hard, false, 0.46)]
    [InlineData(ResetMode.Hard, true, 0.55)]
    public void Run_TwoSteps_GradientOfWMatchesHandComputation(ResetMode reset, bool detachReset, double expected)
    {
        using var scope = NewDisposeScope();
        INeuronModel plif = Plif(new PlifOptions(Reset: reset, DetachReset: detachReset));
        var w = tensor(0.0, dtype: float64).requires_grad_(true);
        var inputs = tensor(new[] { 1.2, 1.0 }, dtype: float64);

        plif.Run(inputs, new NeuronParameters(new Dictionary<string, Tensor> { ["w"] = w })).sum().backward();

        w.grad!.item<double>().Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void TrainingStep_ThroughTheEngineOwnedParameter_MovesWAgainstItsGradient()
    {
        // The same two steps as above (soft reset) inside a neuron layer that owns w: dL/dw = 0.4, so one SGD step
        // with learning rate 0.5 takes w from 0 to −0.2 (τ from 2 to 1 + e^0.2).
        using var scope = NewDisposeScope();
        using var layer = new NeuronLayer("spike", Plif(new PlifOptions()), channels: 1) { Timesteps = 2 };
        var w = layer.named_parameters().Should().ContainSingle().Subject;
        w.name.Should().Be("w");
        var optimizer = optim.SGD(layer.parameters(), 0.5);

        layer.forward(tensor(new[] { 1.2f, 1.0f }).reshape(2, 1)).sum().backward();
        optimizer.step();

        w.parameter.grad!.item<float>().Should().BeApproximately(0.4f, 1e-6f);
        w.parameter.item<float>().Should().BeApproximately(-0.2f, 1e-6f);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(-3.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_InvalidInitTau_ThrowsForKeyInitTau(double initTau)
    {
        var create = () => Plif(new PlifOptions(InitTau: initTau));

        create.Should().Throw<PluginOptionsException>().Where(e => e.Key == "init_tau").WithMessage("*init_tau*");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Constructor_InvalidThreshold_ThrowsForKeyThreshold(double threshold)
    {
        var create = () => Plif(new PlifOptions(Threshold: threshold));

        create.Should().Throw<PluginOptionsException>().Where(e => e.Key == "threshold");
    }

    [Fact]
    public void Constructor_UndefinedResetMode_ThrowsForKeyReset()
    {
        var create = () => Plif(new PlifOptions(Reset: (ResetMode)7));

        create.Should().Throw<PluginOptionsException>().Where(e => e.Key == "reset");
    }
}
