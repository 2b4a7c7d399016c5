using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Fixtures.FixtureAttack;

/// <summary>
/// A test attack whose result is easy to check by hand: every input value raised by <c>0.01 · revision</c> of the
/// build (<see cref="FixtureBuild"/>), clipped to [0, 1]. It never looks at the target.
/// </summary>
[Plugin("fixture-nudge", Description = "Test fixture: adds 0.01 times the build's revision to every input.")]
internal sealed class FixtureNudge : IAdversarialAttack
{
    private int calls;

    public FixtureNudge() => FixtureBuild.ConstructorFault("fixture-nudge");

    /// <summary>How much this build adds to every input value.</summary>
    public static double Step => 0.01 * FixtureBuild.Revision;

    public torch.Tensor Perturb(IAttackTarget target, torch.Tensor inputs, torch.Tensor labels)
    {
        FixtureBuild.CallFault("fixture-nudge", ++calls);
        return (inputs + Step).clamp(0, 1);
    }
}
