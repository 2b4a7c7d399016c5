using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Fixtures.FixtureAttackOn11;

/// <summary>
/// An attack written against contract 1.1, before attacks declared the norm of their budget: it raises every input
/// value by ε, clipped to [0, 1], so its result is easy to check by hand.
/// </summary>
[Plugin("legacy-shift", Description = "Test fixture built against contract 1.1: adds epsilon to every input.")]
internal sealed class LegacyShift(LegacyShiftOptions options) : IAdversarialAttack
{
    public torch.Tensor Perturb(IAttackTarget target, torch.Tensor inputs, torch.Tensor labels) =>
        (inputs + options.Epsilon).clamp(0, 1);
}
