using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.HotReload;

/// <summary>A neuron model on trial: the new version, falling back to the previous one (see <see cref="SwapTrial"/>).</summary>
/// <remarks>
/// Both versions declare the same parameters (a version that changes its declarations is not put on trial, see
/// <see cref="SwapTrial.Wrap"/>), so either can run on the layers' parameters.
/// </remarks>
internal sealed class TrialNeuron(SwapTrial trial, string label, INeuronModel candidate, INeuronModel previous) : INeuronModel
{
    public IReadOnlyList<NeuronParameter> Parameters => previous.Parameters;

    public NeuronStep Step(torch.Tensor input, NeuronState state, NeuronParameters parameters) =>
        trial.Call(label, candidate, previous, neuron => neuron.Step(input, state, parameters));

    public torch.Tensor Run(torch.Tensor inputs, NeuronParameters parameters) =>
        trial.Call(label, candidate, previous, neuron => neuron.Run(inputs, parameters));

    public NeuronState CreateState(torch.Tensor input) =>
        trial.Call(label, candidate, previous, neuron => neuron.CreateState(input));

    public NeuronStep Step(torch.Tensor input, NeuronState state) =>
        trial.Call(label, candidate, previous, neuron => neuron.Step(input, state));

    public torch.Tensor Run(torch.Tensor inputs) =>
        trial.Call(label, candidate, previous, neuron => neuron.Run(inputs));
}
