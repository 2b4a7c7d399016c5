using Neuromorph.Engine.Network;
using Neuromorph.Engine.Surrogates;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Robustness;

/// <summary>
/// Adversarial training's batch preparation: replaces a share of each training batch by adversarial versions
/// of the same samples (same labels). The examples are made with the network in evaluation mode (batch-norm
/// running statistics are neither used from the batch nor updated by the attack's passes) and its weights
/// frozen; the network's mode is restored before the training forward pass. The attack is passed in at every call
/// (the one in force, see <see cref="Training.RunSlots"/>).
/// </summary>
internal sealed class AdversarialMix
{
    private readonly SpikingNetwork network;
    private readonly AdjustableSurrogate surrogate;
    private readonly NetworkAttackTarget target;

    /// <param name="network">The network being trained.</param>
    /// <param name="surrogate">The network's adjustable surrogate, switched to the attack's while it runs.</param>
    /// <param name="fraction">The share of each batch made adversarial, in (0, 1]; ⌈fraction·B⌉ samples.</param>
    public AdversarialMix(SpikingNetwork network, AdjustableSurrogate surrogate, double fraction)
    {
        if (!(fraction > 0 && fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The adversarial share of a batch must be in (0, 1].");
        this.network = network;
        this.surrogate = surrogate;
        target = new NetworkAttackTarget(network);
        Fraction = fraction;
    }

    public double Fraction { get; }

    /// <summary>How many of a batch of <paramref name="batchSize"/> samples are replaced.</summary>
    public int AdversarialCount(long batchSize) => (int)Math.Min(batchSize, Math.Ceiling(Fraction * batchSize - 1e-9));

    /// <summary>
    /// The batch with its first <see cref="AdversarialCount"/> samples (the batch is already shuffled) replaced
    /// by adversarial ones made by <paramref name="attack"/>. The result carries no gradient history from the attack.
    /// </summary>
    public Tensor Apply(AttackRun attack, Tensor inputs, Tensor labels)
    {
        var count = AdversarialCount(inputs.shape[0]);
        if (count == 0) return inputs;
        var wasTraining = network.training;
        network.eval();
        try
        {
            var adversarial = AttackInvocation.Perturb(attack, network, surrogate, target, inputs[..count], labels[..count]).detach();
            return count == inputs.shape[0] ? adversarial : cat([adversarial, inputs[count..]], 0);
        }
        finally
        {
            network.train(wasTraining);
        }
    }
}
