using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// Projected gradient descent (Madry et al. 2018): signed-gradient ascent of the cross-entropy from a random point
/// of the ε-ball, projected after every step. With several restarts, per sample the result of the restart that
/// is misclassified is kept (the one with the highest loss if several are), else the one with the highest loss.
/// </summary>
[Plugin("pgd", Description = "Projected gradient descent: signed-gradient steps from a random point of the L-infinity epsilon-ball, with restarts.")]
internal sealed class Pgd : IAdversarialAttack
{
    private readonly double epsilon;
    private readonly bool randomStart;
    private readonly int restarts;
    private readonly int eotSamples;
    private readonly SignedGradientAscent ascent;
    private readonly AttackRandomness randomness;

    public Pgd(PgdOptions options, PluginContext context)
    {
        epsilon = OptionChecks.Epsilon(options.Epsilon);
        randomStart = options.RandomStart;
        restarts = OptionChecks.AtLeastOne(options.Restarts, "restarts", "the number of runs, each from its own start");
        eotSamples = OptionChecks.EotSamples(options.EotSamples);
        ascent = new SignedGradientAscent(
            OptionChecks.Positive(options.Step, "step", "the size of each signed step"),
            OptionChecks.AtLeastOne(options.Steps, "steps", "the number of signed steps per restart"),
            eotSamples);
        randomness = new AttackRandomness(context.Seed);
    }

    public PerturbationNorm Norm => PerturbationNorm.Linf;

    public Tensor Perturb(IAttackTarget target, Tensor inputs, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(target);
        return AttackScope.Run(inputs, labels, batch =>
        {
            var ball = new LinfBall(batch.Inputs, epsilon);
            if (restarts == 1)
                return ascent.Run(target, batch, ball, Start(ball));

            var loss = AttackLosses.CrossEntropy(batch.Labels);
            StrongestPoint? strongest = null;
            for (var restart = 0; restart < restarts; restart++)
            {
                strongest = AttackStep.Advance(strongest, current =>
                {
                    var point = ascent.Run(target, batch, ball, Start(ball));
                    var (pointLoss, logits) = InputGradient.Evaluate(target, batch, point, loss, eotSamples);
                    var challenger = StrongestPoint.At(batch, point, pointLoss, logits);
                    return current is null ? challenger : current.Or(challenger, batch);
                });
            }
            return strongest!.Point;
        });
    }

    private Tensor Start(LinfBall ball) => randomStart ? ball.RandomPoint(randomness) : ball.Center;
}
