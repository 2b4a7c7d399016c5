using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Fixtures.FixtureAttack;

/// <summary>A test attack that fails on its first batch, like a broken third-party attack plugin.</summary>
[Plugin("fixture-failing", Description = "Test fixture: an attack that always throws.")]
internal sealed class FixtureFailingAttack : IAdversarialAttack
{
    public torch.Tensor Perturb(IAttackTarget target, torch.Tensor inputs, torch.Tensor labels) =>
        throw new InvalidOperationException("fixture-failing breaks on purpose");
}
