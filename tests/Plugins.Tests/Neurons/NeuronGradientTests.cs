using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using Neuromorph.Plugins.Neurons;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

/// <summary>
/// Gradients of L = S(0) + S(1) for a LIF neuron (τ = 2, θ = 1) with inputs x0 = 2.4, x1 = 1.6 and the
/// rectangular surrogate (a = 1, so g(u) = 1 for |u| &lt; 0.5). By hand:
/// H0 = x0/2 = 1.2, u0 = 0.2, g0 = 1, S0 = 1; dH0/dx0 = 1/2, dS0/dx0 = g0/2 = 0.5.
/// Soft: V0 = H0 − S0 = 0.2, dV0/dx0 = (1 − g0)/2 = 0 (0.5 with the reset detached).
///   H1 = V0/2 + x1/2 = 0.9, u1 = −0.1, g1 = 1, S1 = 0; dS1/dx0 = g1·dV0/dx0/2, dS1/dx1 = g1/2 = 0.5.
///   dL/dx0 = 0.5 + 0 = 0.5 (0.5 + 0.25 = 0.75 detached).
/// Hard: V0 = H0·(1 − S0) = 0, dV0/dx0 = (1 − S0)/2 − H0·g0/2 = −0.6 (0 detached).
///   H1 = 0.8, u1 = −0.2, g1 = 1; dL/dx0 = 0.5 − 0.3 = 0.2 (0.5 detached), dL/dx1 = 0.5.
/// </summary>
public sealed class NeuronGradientTests
{
    [Theory]
    [InlineData(ResetMode.Soft, false, 0.5)]
    [InlineData(ResetMode.Soft, true, 0.75)]
    [InlineData(ResetMode.Hard, false, 0.2)]
    [InlineData(ResetMode.Hard, true, 0.5)]
    public void Run_TwoSteps_GradientMatchesHandComputation(ResetMode reset, bool detachReset, double expectedFirst)
    {
        using var scope = NewDisposeScope();
        INeuronModel lif = new LifNeuron(
            new LifOptions(Tau: 2.0, Threshold: 1.0, Reset: reset, DetachReset: detachReset),
            SurrogateGradients.Create("rectangular", 1.0));
        var inputs = tensor(new[] { 2.4, 1.6 }, dtype: float64).requires_grad_(true);

        var spikes = lif.Run(inputs);
        spikes.sum().backward();

        spikes.data<double>().ToArray().Should().Equal(1.0, 0.0);
        var gradient = inputs.grad!.data<double>().ToArray();
        gradient[0].Should().BeApproximately(expectedFirst, 1e-12);
        gradient[1].Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void Step_InputOutsideSurrogateWindow_GetsNoGradient()
    {
        // IF, θ = 1, x = 0.2: u = −0.8, outside |u| < 0.5, so dS/dx = 0; x = 0.7: u = −0.3, dS/dx = 1.
        using var scope = NewDisposeScope();
        var neuron = new IfNeuron(new IfOptions(), SurrogateGradients.Create("rectangular", 1.0));
        var input = tensor(new[] { 0.2, 0.7 }, dtype: float64).requires_grad_(true);

        neuron.Step(input, neuron.CreateState(input)).Spikes.sum().backward();

        input.grad!.data<double>().ToArray().Should().Equal(0.0, 1.0);
    }
}
