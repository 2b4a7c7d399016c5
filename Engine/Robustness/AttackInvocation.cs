using Neuromorph.Engine.Network;
using Neuromorph.Engine.Surrogates;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Robustness;

/// <summary>
/// Calls an attack on a network the way every caller must: the attack's own surrogate in force, the weights
/// frozen (no weight gradient is made), copies of the batch handed over (an attack that writes into its inputs
/// cannot spoil them), and the result checked to have the inputs' shape.
/// </summary>
internal static class AttackInvocation
{
    public static Tensor Perturb(
        AttackRun run, SpikingNetwork network, AdjustableSurrogate surrogate, NetworkAttackTarget target, Tensor inputs, Tensor labels)
    {
        Tensor adversarial;
        using (run.Surrogate is null ? null : surrogate.Use(run.Surrogate))
        using (new FrozenParameters(network.parameters()))
            adversarial = run.Attack.Perturb(target, inputs.clone(), labels.clone());
        if (!adversarial.shape.SequenceEqual(inputs.shape))
            throw new InvalidOperationException(
                $"attack '{run.Name}' returned a batch of shape [{string.Join(", ", adversarial.shape)}] for inputs [{string.Join(", ", inputs.shape)}].");
        return adversarial;
    }
}
