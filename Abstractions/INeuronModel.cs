using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>
/// A spiking neuron's dynamics, applied element-wise to a layer's input current. Implementations are
/// pure: all state lives in <see cref="NeuronState"/> and every learnable value is a declared
/// <see cref="Parameters">parameter</see> that the engine owns, so one instance serves every layer of a
/// network and a new version of the plugin can take over a running network without losing what it learned.
/// </summary>
/// <remarks>
/// The engine calls only the overloads that take <see cref="NeuronParameters"/>. A model without parameters
/// implements <see cref="Step(torch.Tensor, NeuronState)"/> (and optionally <see cref="Run(torch.Tensor)"/>);
/// the parameter-taking overloads then forward to them. A model with parameters implements
/// <see cref="Step(torch.Tensor, NeuronState, NeuronParameters)"/>, and its
/// <see cref="Step(torch.Tensor, NeuronState)"/> usually runs that with
/// <see cref="NeuronParameters.Initial"/> of its declarations.
/// </remarks>
public interface INeuronModel
{
    /// <summary>The initial state for one timestep of input shaped like <paramref name="input"/>.</summary>
    NeuronState CreateState(torch.Tensor input);

    /// <summary>One timestep: charge with <paramref name="input"/>, fire, reset.</summary>
    NeuronStep Step(torch.Tensor input, NeuronState state);

    /// <summary>
    /// All timesteps at once: <paramref name="inputs"/> is <c>[T, ...]</c>, the result the spikes
    /// <c>[T, ...]</c>, starting from <see cref="CreateState"/>. The default loops <see cref="Step(torch.Tensor, NeuronState)"/>
    /// (<see cref="NeuronStepping.Run"/>); a model may override it with a fused implementation that gives the same
    /// values and gradients.
    /// </summary>
    torch.Tensor Run(torch.Tensor inputs) => NeuronStepping.Run(inputs, CreateState(inputs[0]), Step);

    /// <summary>
    /// The learnable parameters this model needs in every layer it runs in (contract 1.1). The engine
    /// creates, trains and checkpoints them and passes them to
    /// <see cref="Step(torch.Tensor, NeuronState, NeuronParameters)"/>. The default is none.
    /// </summary>
    IReadOnlyList<NeuronParameter> Parameters => [];

    /// <summary>
    /// One timestep with the layer's <paramref name="parameters"/> (contract 1.1), shaped as
    /// <see cref="ParameterShape"/> describes. The default ignores them and calls
    /// <see cref="Step(torch.Tensor, NeuronState)"/>: override it when <see cref="Parameters"/> is not empty.
    /// </summary>
    NeuronStep Step(torch.Tensor input, NeuronState state, NeuronParameters parameters) => Step(input, state);

    /// <summary>
    /// All timesteps with the layer's <paramref name="parameters"/> (contract 1.1); what the engine calls.
    /// The default calls <see cref="Run(torch.Tensor)"/> when the model declares no parameters (keeping a
    /// fused override of it), and otherwise loops <see cref="Step(torch.Tensor, NeuronState, NeuronParameters)"/>
    /// (<see cref="NeuronStepping.Run"/>).
    /// </summary>
    torch.Tensor Run(torch.Tensor inputs, NeuronParameters parameters) =>
        Parameters.Count == 0
            ? Run(inputs)
            : NeuronStepping.Run(inputs, CreateState(inputs[0]), (input, state) => Step(input, state, parameters));
}
