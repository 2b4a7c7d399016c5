using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// The frame every attack's <c>Perturb</c> runs in: checks the batch, runs the attack inside one dispose scope
/// and hands the result to the caller's scope; everything else the attack made is disposed.
/// </summary>
internal static class AttackScope
{
    public static Tensor Run(Tensor inputs, Tensor labels, Func<AttackBatch, Tensor> attack)
    {
        using var scope = NewDisposeScope();
        var batch = AttackBatch.Check(inputs, labels);
        var adversarial = batch.Size == 0 ? batch.Inputs.clone() : attack(batch);
        return adversarial.detach().MoveToOuterDisposeScope();
    }
}
