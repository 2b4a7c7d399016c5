using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins.Doubles;

/// <summary>An integrate-and-fire neuron with two constructors, recording what the host passed.</summary>
[Plugin("threshold")]
internal sealed class ThresholdNeuron : INeuronModel
{
    public ThresholdNeuron(ThresholdNeuronOptions options) => Options = options;

    public ThresholdNeuron(ThresholdNeuronOptions options, PluginContext context, ISurrogateGradient surrogate)
    {
        Options = options;
        Context = context;
        Surrogate = surrogate;
    }

    public ThresholdNeuronOptions Options { get; }

    public PluginContext? Context { get; }

    public ISurrogateGradient? Surrogate { get; }

    public NeuronState CreateState(torch.Tensor input) => new(torch.zeros_like(input));

    public NeuronStep Step(torch.Tensor input, NeuronState state)
    {
        var charged = state.Membrane + input;
        var spikes = Surrogate!.Spike(charged - Options.Threshold);
        return new NeuronStep(spikes, new NeuronState(charged * (1 - spikes)));
    }
}
