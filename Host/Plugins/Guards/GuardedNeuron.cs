using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Plugins.Guards;

/// <summary>A neuron model called through its <see cref="PluginGuard"/>.</summary>
/// <remarks>
/// A guard falls back only between versions that declare the same parameters (hot reload gives a version that changes
/// its declarations no previous one), so either can run on the layers' parameters.
/// </remarks>
internal sealed class GuardedNeuron(PluginGuard guard) : INeuronModel
{
    public PluginGuard Guard => guard;

    public IReadOnlyList<NeuronParameter> Parameters => ((INeuronModel)guard.InForce).Parameters;

    public NeuronState CreateState(torch.Tensor input) =>
        guard.Call<INeuronModel, NeuronState>(neuron => neuron.CreateState(input));

    public NeuronStep Step(torch.Tensor input, NeuronState state) =>
        guard.Call<INeuronModel, NeuronStep>(neuron => neuron.Step(input, state));

    public torch.Tensor Run(torch.Tensor inputs) =>
        guard.Call<INeuronModel, torch.Tensor>(neuron => neuron.Run(inputs));

    public NeuronStep Step(torch.Tensor input, NeuronState state, NeuronParameters parameters) =>
        guard.Call<INeuronModel, NeuronStep>(neuron => neuron.Step(input, state, parameters));

    public torch.Tensor Run(torch.Tensor inputs, NeuronParameters parameters) =>
        guard.Call<INeuronModel, torch.Tensor>(neuron => neuron.Run(inputs, parameters));
}
