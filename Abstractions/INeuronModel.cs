using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>
/// A spiking neuron's dynamics, applied element-wise to a layer's input current. Implementations are
/// pure: all state lives in <see cref="NeuronState"/>, so one instance serves every layer of a network.
/// </summary>
public interface INeuronModel
{
    /// <summary>The initial state for one timestep of input shaped like <paramref name="input"/>.</summary>
    NeuronState CreateState(torch.Tensor input);

    /// <summary>One timestep: charge with <paramref name="input"/>, fire, reset.</summary>
    NeuronStep Step(torch.Tensor input, NeuronState state);

    /// <summary>
    /// All timesteps at once: <paramref name="inputs"/> is <c>[T, ...]</c>, the result the spikes
    /// <c>[T, ...]</c>, starting from <see cref="CreateState"/>. The default loops <see cref="Step"/>;
    /// a model may override it with a fused implementation that gives the same values and gradients.
    /// </summary>
    torch.Tensor Run(torch.Tensor inputs)
    {
        var timesteps = (int)inputs.shape[0];
        var state = CreateState(inputs[0]);
        var spikes = new torch.Tensor[timesteps];
        for (var t = 0; t < timesteps; t++)
        {
            var step = Step(inputs[t], state);
            spikes[t] = step.Spikes;
            state = step.State;
        }
        return torch.stack(spikes);
    }
}
