using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>The result of one neuron timestep: the spikes emitted and the state after reset.</summary>
/// <param name="Spikes">Spikes (0 or 1), shaped like the input.</param>
/// <param name="State">The state to pass to the next timestep.</param>
public readonly record struct NeuronStep(torch.Tensor Spikes, NeuronState State);
