using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// Per sample, the strongest adversarial point found so far: a misclassified one if any was found (the one with
/// the highest loss among them), else the one with the highest loss. Used to choose among restarts and iterates.
/// </summary>
/// <param name="Point">The chosen points, shaped like the inputs.</param>
/// <param name="Loss">The loss at each chosen point <c>[B]</c>.</param>
/// <param name="Fooled">Whether each chosen point is misclassified <c>[B]</c> (bool).</param>
internal sealed record StrongestPoint(Tensor Point, Tensor Loss, Tensor Fooled) : IAttackState
{
    public IEnumerable<Tensor> Tensors => [Point, Loss, Fooled];

    /// <summary>The points at <paramref name="point"/>, judged by their loss and logits.</summary>
    public static StrongestPoint At(AttackBatch batch, Tensor point, Tensor loss, Tensor logits) =>
        new(point, loss, batch.Misclassified(logits));

    /// <summary>Per sample, this point or <paramref name="challenger"/>'s, whichever is stronger (ties keep this one).</summary>
    public StrongestPoint Or(StrongestPoint challenger, AttackBatch batch)
    {
        var fools = challenger.Fooled.logical_and(Fooled.logical_not());
        var sameVerdictHigherLoss = challenger.Fooled.eq(Fooled).logical_and(challenger.Loss.gt(Loss));
        var takes = fools.logical_or(sameVerdictHigherLoss);
        return new StrongestPoint(
            where(batch.PerSample(takes), challenger.Point, Point),
            where(takes, challenger.Loss, Loss),
            Fooled.logical_or(challenger.Fooled));
    }
}
