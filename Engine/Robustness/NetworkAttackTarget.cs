using Neuromorph.Abstractions;
using Neuromorph.Engine.Network;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Robustness;

/// <summary>
/// A spiking network as an attack sees it: inputs in [0, 1] (the network normalises them itself) to the
/// logits averaged over its T timesteps, differentiable through every timestep with the network's surrogate.
/// </summary>
internal sealed class NetworkAttackTarget(SpikingNetwork network) : IAttackTarget
{
    public int Timesteps => network.Timesteps;

    public Tensor Logits(Tensor inputs) => network.forward(inputs).mean([0]);
}
