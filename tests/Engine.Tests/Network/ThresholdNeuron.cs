using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Tests.Network;

/// <summary>
/// A leaky integrate-and-fire neuron written independently of the plugins, for engine tests:
/// H = V + (X - V) / 2, S = [H >= 1] with the ATan surrogate gradient (nonzero everywhere, so tiny test networks never go dead), V = H - S.
/// </summary>
internal sealed class ThresholdNeuron : INeuronModel
{
    private static readonly ISurrogateGradient Surrogate = SurrogateGradients.Create("atan");

    public NeuronState CreateState(Tensor input) => new(zeros_like(input));

    public NeuronStep Step(Tensor input, NeuronState state)
    {
        var charged = state.Membrane + (input - state.Membrane) / 2.0;
        var spikes = Surrogate.Spike(charged - 1.0);
        return new NeuronStep(spikes, new NeuronState(charged - spikes));
    }
}
