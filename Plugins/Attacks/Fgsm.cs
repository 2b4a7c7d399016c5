using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>Fast gradient sign method (Goodfellow et al. 2015): x + ε·sign(∇ₓ CE), clamped to [0, 1].</summary>
[Plugin("fgsm", Description = "Fast gradient sign method: one L-infinity step of size epsilon along the sign of the cross-entropy's input gradient.")]
internal sealed class Fgsm : IAdversarialAttack
{
    private readonly double epsilon;
    private readonly int eotSamples;

    public Fgsm(FgsmOptions options)
    {
        epsilon = OptionChecks.Epsilon(options.Epsilon);
        eotSamples = OptionChecks.EotSamples(options.EotSamples);
    }

    public PerturbationNorm Norm => PerturbationNorm.Linf;

    public Tensor Perturb(IAttackTarget target, Tensor inputs, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(target);
        return AttackScope.Run(inputs, labels, batch =>
            new SignedGradientAscent(epsilon, steps: 1, eotSamples)
                .Run(target, batch, new LinfBall(batch.Inputs, epsilon), batch.Inputs));
    }
}
