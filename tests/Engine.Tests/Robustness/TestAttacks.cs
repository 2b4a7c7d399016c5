using Neuromorph.Abstractions;
using Neuromorph.Engine.Surrogates;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Neuromorph.Engine.Tests.Robustness;

/// <summary>One signed-gradient step of size ε on the cross-entropy (FGSM), written here for the engine tests.</summary>
internal sealed class SignedStepAttack(double epsilon) : IAdversarialAttack
{
    public Tensor Perturb(IAttackTarget target, Tensor inputs, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var x = inputs.detach().requires_grad_(true);
        var loss = cross_entropy(target.Logits(x), labels);
        var gradient = autograd.grad([loss], [x])[0];
        return (inputs + epsilon * gradient.sign()).clamp(0, 1).detach().MoveToOuterDisposeScope();
    }
}

/// <summary>Always throws, like a broken third-party attack.</summary>
internal sealed class ThrowingAttack : IAdversarialAttack
{
    public Tensor Perturb(IAttackTarget target, Tensor inputs, Tensor labels) =>
        throw new InvalidOperationException("the fixture attack is broken on purpose");
}

/// <summary>Returns pixels outside [0, 1].</summary>
internal sealed class OutOfRangeAttack : IAdversarialAttack
{
    public Tensor Perturb(IAttackTarget target, Tensor inputs, Tensor labels) => inputs + 2;
}

/// <summary>Records the name of the surrogate the network differentiates with while the attack runs.</summary>
internal sealed class SurrogateProbeAttack(AdjustableSurrogate surrogate) : IAdversarialAttack
{
    public List<string> Seen { get; } = [];

    public Tensor Perturb(IAttackTarget target, Tensor inputs, Tensor labels)
    {
        Seen.Add(surrogate.Current.Name);
        return inputs;
    }
}
