using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>An adversarial attack: perturbs a batch of inputs to make the target misclassify them.</summary>
public interface IAdversarialAttack
{
    /// <summary>
    /// Returns adversarial versions of <paramref name="inputs"/> (<c>[B, C, H, W]</c>, in [0, 1]) for the
    /// true <paramref name="labels"/> (<c>[B]</c>), within the attack's budget and inside [0, 1].
    /// </summary>
    torch.Tensor Perturb(IAttackTarget target, torch.Tensor inputs, torch.Tensor labels);

    /// <summary>
    /// The norm the attack's budget bounds (contract 1.2). The host reads the budget ε from the attack's
    /// <c>epsilon</c> option, when it has one, and sweeps, prints and compares attacks per norm: it never puts an
    /// L2 and an L∞ attack in one worst case because their ε is the same number. The default is
    /// <see cref="PerturbationNorm.Linf"/>, which is what attacks built against older contracts count as.
    /// </summary>
    PerturbationNorm Norm => PerturbationNorm.Linf;
}
