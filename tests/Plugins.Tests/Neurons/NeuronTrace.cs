using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

/// <summary>Steps a neuron through a sequence of scalar inputs and records the spikes and membrane after reset.</summary>
internal sealed record NeuronTrace(double[] Spikes, double[] Membrane)
{
    public static NeuronTrace Of(INeuronModel neuron, params double[] inputs)
    {
        using var scope = NewDisposeScope();
        var state = neuron.CreateState(tensor(0.0, dtype: float64));
        var spikes = new double[inputs.Length];
        var membrane = new double[inputs.Length];
        for (var t = 0; t < inputs.Length; t++)
        {
            var step = neuron.Step(tensor(inputs[t], dtype: float64), state);
            spikes[t] = step.Spikes.item<double>();
            membrane[t] = step.State.Membrane.item<double>();
            state = step.State;
        }
        return new NeuronTrace(spikes, membrane);
    }

    public void ShouldBe(double[] expectedSpikes, double[] expectedMembrane)
    {
        Spikes.Should().Equal(expectedSpikes);
        Membrane.Should().HaveCount(expectedMembrane.Length);
        for (var t = 0; t < expectedMembrane.Length; t++)
            Membrane[t].Should().BeApproximately(expectedMembrane[t], 1e-12, "the membrane after step {0}", t);
    }
}
