using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>
/// The loop over timesteps, written once: what the default <see cref="INeuronModel.Run(torch.Tensor)"/> and
/// <see cref="INeuronModel.Run(torch.Tensor, NeuronParameters)"/> do, and what a model that overrides
/// <c>Run</c> calls for the inputs its own implementation does not take (a fused kernel that runs on the CPU
/// only, for instance), so that its fallback is the contract's loop and not a copy of it.
/// </summary>
public static class NeuronStepping
{
    /// <summary>
    /// <paramref name="step"/> for t = 0 … T−1 of <paramref name="inputs"/> <c>[T, ...]</c>, each timestep's
    /// input <c>inputs[t]</c> with the state the previous one returned, the first with <paramref name="state"/>.
    /// </summary>
    /// <param name="inputs">The input currents of all timesteps, <c>[T, ...]</c>.</param>
    /// <param name="state">The state before the first timestep, usually <see cref="INeuronModel.CreateState"/> of <c>inputs[0]</c>.</param>
    /// <param name="step">One timestep, <c>(input, state) → (spikes, next state)</c>.</param>
    /// <returns>The spikes of every timestep stacked, <c>[T, ...]</c>.</returns>
    public static torch.Tensor Run(torch.Tensor inputs, NeuronState state, Func<torch.Tensor, NeuronState, NeuronStep> step)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(step);
        var spikes = new torch.Tensor[inputs.shape[0]];
        for (var t = 0; t < spikes.Length; t++)
        {
            var next = step(inputs[t], state);
            spikes[t] = next.Spikes;
            state = next.State;
        }
        return torch.stack(spikes);
    }
}
