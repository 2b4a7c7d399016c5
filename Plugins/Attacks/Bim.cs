using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// Basic iterative method (Kurakin et al. 2017): FGSM repeated with step α from the clean inputs, projected onto
/// the ε-ball and [0, 1] after every step; PGD without the random start.
/// </summary>
[Plugin("bim", Description = "Basic iterative method: repeated signed-gradient steps from the clean input, projected onto the L-infinity epsilon-ball.")]
internal sealed class Bim : IAdversarialAttack
{
    private readonly double epsilon;
    private readonly SignedGradientAscent ascent;

    public Bim(BimOptions options)
    {
        epsilon = OptionChecks.Epsilon(options.Epsilon);
        ascent = new SignedGradientAscent(
            OptionChecks.Positive(options.Step, "step", "the size of each signed step"),
            OptionChecks.AtLeastOne(options.Steps, "steps", "the number of signed steps"),
            OptionChecks.EotSamples(options.EotSamples));
    }

    public PerturbationNorm Norm => PerturbationNorm.Linf;

    public Tensor Perturb(IAttackTarget target, Tensor inputs, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(target);
        return AttackScope.Run(inputs, labels, batch =>
            ascent.Run(target, batch, new LinfBall(batch.Inputs, epsilon), batch.Inputs));
    }
}
