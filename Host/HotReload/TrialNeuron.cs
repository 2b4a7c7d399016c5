using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.HotReload;

/// <summary>A neuron model on trial: the new version, falling back to the previous one (see <see cref="SwapTrial"/>).</summary>
internal sealed class TrialNeuron(SwapTrial trial, string label, INeuronModel candidate, INeuronModel previous) : INeuronModel
{
    public NeuronState CreateState(torch.Tensor input) =>
        trial.Call(label, candidate, previous, neuron => neuron.CreateState(input));

    public NeuronStep Step(torch.Tensor input, NeuronState state) =>
        trial.Call(label, candidate, previous, neuron => neuron.Step(input, state));

    public torch.Tensor Run(torch.Tensor inputs) =>
        trial.Call(label, candidate, previous, neuron => neuron.Run(inputs));
}
