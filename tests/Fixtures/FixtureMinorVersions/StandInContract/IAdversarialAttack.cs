using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>The attack interface as contract 1.1 defined it: no declared norm (contract 1.2 added one).</summary>
public interface IAdversarialAttack
{
    /// <summary>Adversarial versions of the inputs <c>[B, C, H, W]</c> in [0, 1] for the true labels <c>[B]</c>.</summary>
    torch.Tensor Perturb(IAttackTarget target, torch.Tensor inputs, torch.Tensor labels);
}
