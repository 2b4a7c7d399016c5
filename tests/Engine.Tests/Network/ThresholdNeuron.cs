using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Network;

/// <summary>
/// A leaky integrate-and-fire neuron written independently of the plugins, for engine tests:
/// H = V + (X - V) / 2, S = [H >= 1] with a straight-through gradient, V = H - S.
/// </summary>
internal sealed class ThresholdNeuron : INeuronModel
{
    public NeuronState CreateState(Tensor input) => new(zeros_like(input));

    public NeuronStep Step(Tensor input, NeuronState state)
    {
        var charged = state.Membrane + (input - state.Membrane) / 2.0;
        var hard = charged.ge(1.0).to_type(charged.dtype);
        var spikes = hard.detach() + charged - charged.detach();
        return new NeuronStep(spikes, new NeuronState(charged - spikes));
    }
}
