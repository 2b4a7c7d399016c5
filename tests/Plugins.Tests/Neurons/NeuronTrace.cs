using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Tests.Neurons;

/// <summary>
/// Steps a neuron through a sequence of scalar inputs and records the spikes and every state variable after
/// reset (the membrane, and any variable of the neuron's own).
/// </summary>
internal sealed record NeuronTrace(double[] Spikes, double[] Membrane, IReadOnlyDictionary<string, double[]> Variables)
{
    public static NeuronTrace Of(INeuronModel neuron, params double[] inputs)
    {
        using var scope = NewDisposeScope();
        var state = neuron.CreateState(tensor(0.0, dtype: float64));
        var spikes = new double[inputs.Length];
        var variables = state.Variables.Keys.ToDictionary(name => name, _ => new double[inputs.Length]);
        for (var t = 0; t < inputs.Length; t++)
        {
            var step = neuron.Step(tensor(inputs[t], dtype: float64), state);
            spikes[t] = step.Spikes.item<double>();
            foreach (var (name, values) in variables) values[t] = step.State[name].item<double>();
            state = step.State;
        }
        return new NeuronTrace(spikes, variables[NeuronState.MembraneKey], variables);
    }

    public void ShouldBe(double[] expectedSpikes, double[] expectedMembrane, double precision = 1e-12)
    {
        Spikes.Should().Equal(expectedSpikes);
        VariableShouldBe(NeuronState.MembraneKey, expectedMembrane, precision);
    }

    public void VariableShouldBe(string name, double[] expected, double precision = 1e-12)
    {
        var actual = Variables[name];
        actual.Should().HaveCount(expected.Length);
        for (var t = 0; t < expected.Length; t++)
            actual[t].Should().BeApproximately(expected[t], precision, "the {0} after step {1}", name, t);
    }
}
