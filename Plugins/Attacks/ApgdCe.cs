using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// Auto-PGD with the cross-entropy loss (Croce &amp; Hein 2020): PGD with momentum 0.75, an initial step of 2ε
/// that halves at checkpoints where the loss stopped rising, restarts from the best point found, and per sample
/// the strongest iterate returned (misclassified if any, else the highest loss). Each restart starts from a
/// uniform random point of the ε-ball.
/// </summary>
[Plugin("apgd-ce", Description = "Auto-PGD with cross-entropy: momentum PGD in the L-infinity epsilon-ball with an adaptive step size and best-point restarts.")]
internal sealed class ApgdCe : IAdversarialAttack
{
    private readonly double epsilon;
    private readonly int restarts;
    private readonly AutoPgdSearch search;
    private readonly AttackRandomness randomness;

    public ApgdCe(ApgdCeOptions options, PluginContext context)
    {
        epsilon = OptionChecks.Epsilon(options.Epsilon);
        restarts = OptionChecks.AtLeastOne(options.Restarts, "restarts", "the number of runs, each from its own random start");
        search = new AutoPgdSearch(
            OptionChecks.AtLeastOne(options.Steps, "steps", "iterations per restart"),
            OptionChecks.Fraction(options.Rho, "rho", "the fraction of loss-raising steps below which the step halves"),
            OptionChecks.EotSamples(options.EotSamples));
        randomness = new AttackRandomness(context.Seed);
    }

    public PerturbationNorm Norm => PerturbationNorm.Linf;

    public Tensor Perturb(IAttackTarget target, Tensor inputs, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(target);
        return AttackScope.Run(inputs, labels, batch =>
        {
            var ball = new LinfBall(batch.Inputs, epsilon);
            StrongestPoint? strongest = null;
            for (var restart = 0; restart < restarts; restart++)
            {
                strongest = AttackStep.Advance(strongest, current =>
                {
                    var found = search.Run(target, batch, ball, ball.RandomPoint(randomness));
                    return current is null ? found : current.Or(found, batch);
                });
            }
            return strongest!.Point;
        });
    }
}
