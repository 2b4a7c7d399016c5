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
}
