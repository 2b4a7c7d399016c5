using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Plugins.Neurons;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

public sealed class ClifNeuronTests
{
    private static readonly double Sigma1 = ScalarClifReference.Sigmoid(1);

    private static ClifNeuron Clif(ClifOptions options) => new(options, SurrogateGradients.Create("rectangular", 1.0));

    [Fact]
    public void Step_SoftReset_FirstStepsMatchHandComputation()
    {
        // τ = 2 (γ = 1/2), θ = 1, inputs 1.2, 0.3:
        // t0: H = 1.2; M' = 0·σ(0.6) = 0; S = 1; M = 1; V = 1.2 − (1 + σ(1)) = 0.2 − σ(1) ≈ −0.531
        // t1: H = V/2 + 0.3 = 0.2 + ... = 0.4 − σ(1)/2 ≈ 0.0345; M = 1·σ(H/2); S = 0; V = H
        var h1 = 0.4 - Sigma1 / 2;
        var trace = NeuronTrace.Of(Clif(new ClifOptions()), 1.2, 0.3);

        trace.ShouldBe([1, 0], [0.2 - Sigma1, h1]);
        trace.VariableShouldBe(ClifNeuron.ComplementaryKey, [1, ScalarClifReference.Sigmoid(h1 / 2)]);
    }

    [Fact]
    public void Step_HardReset_FirstStepsMatchHandComputation()
    {
        // t0 as above but V = H·(1 − S) − S·σ(M) = −σ(1); t1: H = −σ(1)/2 + 0.3, S = 0, V = H, M = σ(H/2).
        var h1 = 0.3 - Sigma1 / 2;
        var trace = NeuronTrace.Of(Clif(new ClifOptions(Reset: ResetMode.Hard)), 1.2, 0.3);

        trace.ShouldBe([1, 0], [-Sigma1, h1]);
        trace.VariableShouldBe(ClifNeuron.ComplementaryKey, [1, ScalarClifReference.Sigmoid(h1 / 2)]);
    }

    [Fact]
    public void Step_DecayInput_ChargesLikeLif()
    {
        // decay_input: H = V/2 + X/2. Inputs 1.2, 2.4: t0 H = 0.6 (no spike, M stays 0, V = 0.6); t1 H = 0.3 + 1.2 = 1.5
        // fires: M = 0·σ(0.75) + 1 = 1, V = 1.5 − 1 − σ(1).
        var trace = NeuronTrace.Of(Clif(new ClifOptions(DecayInput: true)), 1.2, 2.4);

        trace.ShouldBe([0, 1], [0.6, 0.5 - Sigma1]);
        trace.VariableShouldBe(ClifNeuron.ComplementaryKey, [0, 1]);
    }

    [Theory]
    [InlineData(2.0, 1.0, false, false)]
    [InlineData(2.0, 1.0, true, false)]
    [InlineData(3.0, 0.8, false, false)]
    [InlineData(3.0, 0.8, true, true)]
    [InlineData(1.5, 1.2, false, true)]
    public void Run_LongRandomSequences_FollowTheIndependentEquations(double tau, double threshold, bool hard, bool decayInput)
    {
        const int timesteps = 12;
        const int neurons = 40;
        var random = new Random(5);
        var values = Enumerable.Range(0, timesteps * neurons).Select(_ => random.NextDouble() * 2.4 - 0.4).ToArray();
        var neuron = Clif(new ClifOptions(tau, threshold, hard ? ResetMode.Hard : ResetMode.Soft, DecayInput: decayInput));

        for (var n = 0; n < neurons; n++)
        {
            var sequence = Enumerable.Range(0, timesteps).Select(t => values[t * neurons + n]).ToArray();
            var expected = ScalarClifReference.Simulate(sequence, tau, threshold, hard, decayInput);
            var trace = NeuronTrace.Of(neuron, sequence);
            trace.ShouldBe(expected.Spikes, expected.Membrane);
            trace.VariableShouldBe(ClifNeuron.ComplementaryKey, expected.Complementary);
        }
    }

    [Fact]
    public void Run_MultiDimensionalLayer_EveryElementFollowsTheIndependentEquations()
    {
        using var scope = NewDisposeScope();
        const int timesteps = 8;
        long[] shape = [2, 3, 2, 2];
        var count = (int)shape.Aggregate(1L, (a, b) => a * b);
        var random = new Random(9);
        var values = Enumerable.Range(0, timesteps * count).Select(_ => random.NextDouble() * 2.5 - 0.5).ToArray();
        INeuronModel clif = Clif(new ClifOptions());

        var spikes = clif.Run(tensor(values, dtype: float64).reshape([timesteps, .. shape]));

        var actual = spikes.reshape(timesteps, count).data<double>().ToArray();
        for (var n = 0; n < count; n++)
        {
            var sequence = Enumerable.Range(0, timesteps).Select(t => values[t * count + n]).ToArray();
            var expected = ScalarClifReference.Simulate(sequence, 2.0, 1.0, hardReset: false).Spikes;
            Enumerable.Range(0, timesteps).Select(t => actual[t * count + n]).Should().Equal(expected, "neuron {0}", n);
        }
    }

    /// <summary>
    /// L = S(1) with x = (1.2, 1.5), τ = 2, θ = 1, rectangular surrogate (g = 1 for |u| &lt; 0.5). With s = σ(1), s' = s(1 − s):
    /// t0: H0 = x0 = 1.2, g0 = 1, S0 = 1, M0 = S0 = 1 (dM0/dx0 = g0 = 1).
    /// soft: V0 = H0 − S0·(1 + σ(M0)); dV0/dx0 = 1 − g0·(1 + s) − S0·s'·dM0/dx0 = −s − s'; detached: 1 − s'.
    /// hard: V0 = H0·(1 − S0) − S0·σ(M0); dV0/dx0 = (1 − S0) − H0·g0 − g0·s − S0·s' = −1.2 − s − s'; detached: −s'.
    /// t1: H1 = V0/2 + x1 lies within 0.5 of θ in all four cases (1.23, 1.13), so dL/dx0 = dV0/dx0 / 2 and dL/dx1 = 1.
    /// </summary>
    [Theory]
    [InlineData(ResetMode.Soft, false)]
    [InlineData(ResetMode.Soft, true)]
    [InlineData(ResetMode.Hard, false)]
    [InlineData(ResetMode.Hard, true)]
    public void Run_TwoSteps_GradientIncludesTheComplementaryPath(ResetMode reset, bool detachReset)
    {
        using var scope = NewDisposeScope();
        var s = Sigma1;
        var sPrime = s * (1 - s);
        var dV0 = (reset, detachReset) switch
        {
            (ResetMode.Soft, false) => -s - sPrime,
            (ResetMode.Soft, true) => 1 - sPrime,
            (ResetMode.Hard, false) => -1.2 - s - sPrime,
            _ => -sPrime,
        };
        INeuronModel clif = Clif(new ClifOptions(Reset: reset, DetachReset: detachReset));
        var inputs = tensor(new[] { 1.2, 1.5 }, dtype: float64).requires_grad_(true);

        var spikes = clif.Run(inputs);
        spikes[1].backward();

        spikes.data<double>().ToArray().Should().Equal(1.0, 1.0);
        var gradient = inputs.grad!.data<double>().ToArray();
        gradient[0].Should().BeApproximately(dV0 / 2, 1e-12);
        gradient[1].Should().BeApproximately(1.0, 1e-12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void Constructor_InvalidTau_ThrowsForKeyTau(double tau)
    {
        var create = () => Clif(new ClifOptions(Tau: tau));

        create.Should().Throw<PluginOptionsException>().Where(e => e.Key == "tau");
    }

    [Fact]
    public void Constructor_InvalidThresholdOrReset_ThrowsForTheirKeys()
    {
        var threshold = () => Clif(new ClifOptions(Threshold: -1));
        var reset = () => Clif(new ClifOptions(Reset: (ResetMode)3));

        threshold.Should().Throw<PluginOptionsException>().Where(e => e.Key == "threshold");
        reset.Should().Throw<PluginOptionsException>().Where(e => e.Key == "reset");
    }

    [Fact]
    public void Step_StateFromAnotherLayer_Throws()
    {
        using var scope = NewDisposeScope();
        var clif = Clif(new ClifOptions());
        var state = clif.CreateState(zeros(2, 3));

        var step = () => clif.Step(zeros(4, 3), state);

        step.Should().Throw<ArgumentException>().WithMessage("*[2, 3]*[4, 3]*");
    }
}
