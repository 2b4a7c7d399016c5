namespace Neuromorph.Abstractions;

/// <summary>
/// A learnable tensor a neuron model needs, such as a trainable membrane time constant. The model only
/// declares it (<see cref="INeuronModel.Parameters"/>); the engine creates one tensor per neuron layer,
/// trains it with the network's weights, saves it in checkpoints, and passes it back to
/// <see cref="INeuronModel.Step(TorchSharp.torch.Tensor, NeuronState, NeuronParameters)"/>.
/// When a neuron plugin is replaced during a run, a parameter whose declaration is equal in all three
/// members keeps its learned value; any other is created anew from <paramref name="InitialValue"/>.
/// </summary>
/// <param name="Name">
/// The name the model looks it up by, unique within the model: a letter or '_' followed by letters,
/// digits or '_' (it becomes part of the checkpoint key, e.g. <c>body.spike1.tau_logit</c>).
/// </param>
/// <param name="Shape">One value per layer or one per channel.</param>
/// <param name="InitialValue">The value every element starts from; a finite number.</param>
public sealed record NeuronParameter(string Name, ParameterShape Shape, double InitialValue);
