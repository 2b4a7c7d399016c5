using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Fixtures.FixtureAttackOnNext;

/// <summary>An attack built against a newer contract than the host's; the host must refuse to load it.</summary>
[Plugin("future-shift", Description = "Test fixture built against the next contract minor version.")]
internal sealed class FutureShift : IAdversarialAttack
{
    public torch.Tensor Perturb(IAttackTarget target, torch.Tensor inputs, torch.Tensor labels) => (inputs + 0.01).clamp(0, 1);
}
