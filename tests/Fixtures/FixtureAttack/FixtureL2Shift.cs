using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Fixtures.FixtureAttack;

/// <summary>
/// A test attack with an L2 budget: raises each of a sample's n input values by ε/√n, a shift of L2 length ε, then
/// clips to [0, 1]. It never looks at the target.
/// </summary>
[Plugin("fixture-l2-shift", Description = "Test fixture: shifts every sample by an L2 length of epsilon.")]
internal sealed class FixtureL2Shift(FixtureL2ShiftOptions options) : IAdversarialAttack
{
    public PerturbationNorm Norm => PerturbationNorm.L2;

    public torch.Tensor Perturb(IAttackTarget target, torch.Tensor inputs, torch.Tensor labels)
    {
        var valuesPerSample = inputs.numel() / Math.Max(1, inputs.shape[0]);
        return (inputs + options.Epsilon / Math.Sqrt(Math.Max(1, valuesPerSample))).clamp(0, 1);
    }
}
