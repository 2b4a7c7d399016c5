using System.Diagnostics;
using Neuromorph.Engine.Network;
using Neuromorph.Engine.Surrogates;
using static TorchSharp.torch;

namespace Neuromorph.Engine.Robustness;

/// <summary>
/// Adversarial training's batch preparation: replaces a share of each training batch by adversarial versions
/// of the same samples (same labels). The examples are made with the network in evaluation mode (batch-norm
/// running statistics are neither used from the batch nor updated by the attack's passes) and its weights
/// frozen; the network's mode is restored before the training forward pass.
/// </summary>
internal sealed class AdversarialMix
{
    private readonly SpikingNetwork network;
    private readonly AdjustableSurrogate surrogate;
    private readonly NetworkAttackTarget target;
    private readonly Stopwatch watch = new();

    /// <param name="network">The network being trained.</param>
    /// <param name="surrogate">The network's adjustable surrogate, switched to the attack's while it runs.</param>
    /// <param name="attack">The attack that makes the examples.</param>
    /// <param name="fraction">The share of each batch made adversarial, in (0, 1]; ⌈fraction·B⌉ samples.</param>
    public AdversarialMix(SpikingNetwork network, AdjustableSurrogate surrogate, AttackRun attack, double fraction)
    {
        if (!(fraction > 0 && fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The adversarial share of a batch must be in (0, 1].");
        this.network = network;
        this.surrogate = surrogate;
        target = new NetworkAttackTarget(network);
        Attack = attack;
        Fraction = fraction;
    }

    /// <summary>The attack that makes the examples; replaceable between iterations (hot reload).</summary>
    public AttackRun Attack { get; set; }

    public double Fraction { get; }

    /// <summary>Total time spent making adversarial examples.</summary>
    public TimeSpan AttackTime => watch.Elapsed;

    /// <summary>How many of a batch of <paramref name="batchSize"/> samples are replaced.</summary>
    public int AdversarialCount(long batchSize) => (int)Math.Min(batchSize, Math.Ceiling(Fraction * batchSize - 1e-9));

    /// <summary>
    /// The batch with its first <see cref="AdversarialCount"/> samples (the batch is already shuffled) replaced
    /// by adversarial ones. The result carries no gradient history from the attack.
    /// </summary>
    public Tensor Apply(Tensor inputs, Tensor labels)
    {
        var count = AdversarialCount(inputs.shape[0]);
        if (count == 0) return inputs;
        var wasTraining = network.training;
        watch.Start();
        network.eval();
        try
        {
            var adversarial = AttackInvocation.Perturb(Attack, network, surrogate, target, inputs[..count], labels[..count]).detach();
            return count == inputs.shape[0] ? adversarial : cat([adversarial, inputs[count..]], 0);
        }
        finally
        {
            network.train(wasTraining);
            watch.Stop();
        }
    }
}
