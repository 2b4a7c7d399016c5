using Neuromorph.Abstractions;
using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>A loss evaluated at a batch of inputs, averaged over EOT samples; all tensors detached.</summary>
/// <param name="Loss">The per-sample loss <c>[B]</c>.</param>
/// <param name="Logits">The target's time-averaged logits <c>[B, M]</c>.</param>
/// <param name="Gradient">∂(Σ loss)/∂inputs, shaped like the inputs.</param>
internal sealed record LossGradient(Tensor Loss, Tensor Logits, Tensor Gradient);

/// <summary>
/// The one place attacks differentiate the target: the gradient of a per-sample loss with respect to the inputs
/// only (<c>torch.autograd.grad</c>, so the model's parameter gradients are never touched), averaged over
/// <c>eotSamples</c> forward/backward passes: Expectation over Transformation, which turns a stochastic
/// encoding's random gradient into an estimate of its mean. Each pass runs in its own dispose scope (the model's
/// activations die with it); the results are detached and belong to the caller's scope, typically one attack
/// step's.
/// </summary>
internal static class InputGradient
{
    /// <summary>The loss, logits and input gradient at <paramref name="inputs"/>, averaged over the EOT samples.</summary>
    public static LossGradient Compute(
        IAttackTarget target, AttackBatch batch, Tensor inputs, PerSampleLoss loss, int eotSamples)
    {
        var (meanLoss, meanLogits, meanGradient) = Average(target, batch, inputs, loss, eotSamples, withGradient: true);
        return new LossGradient(meanLoss, meanLogits, meanGradient!);
    }

    /// <summary>The loss and logits at <paramref name="inputs"/> (forward passes only), averaged over the EOT samples.</summary>
    public static (Tensor Loss, Tensor Logits) Evaluate(
        IAttackTarget target, AttackBatch batch, Tensor inputs, PerSampleLoss loss, int eotSamples)
    {
        var (meanLoss, meanLogits, _) = Average(target, batch, inputs, loss, eotSamples, withGradient: false);
        return (meanLoss, meanLogits);
    }

    private static (Tensor Loss, Tensor Logits, Tensor? Gradient) Average(
        IAttackTarget target, AttackBatch batch, Tensor inputs, PerSampleLoss loss, int eotSamples, bool withGradient)
    {
        Tensor? lossSum = null, logitsSum = null, gradientSum = null;
        for (var sample = 0; sample < eotSamples; sample++)
        {
            using var scope = NewDisposeScope();
            using var gradientMode = withGradient ? enable_grad() : no_grad();
            var point = withGradient ? inputs.detach().requires_grad_(true) : inputs.detach();
            var logits = target.Logits(point);
            batch.CheckLogits(logits);
            var perSample = loss(point, logits);
            if (perSample.dim() != 1 || perSample.shape[0] != batch.Size)
                throw new InvalidOperationException(
                    $"An attack loss must be per sample [B = {batch.Size}]; got shape [{string.Join(", ", perSample.shape)}].");
            var gradient = withGradient ? autograd.grad([perSample.sum()], [point])[0].detach() : null;

            if (lossSum is null)
            {
                // Copies of the first pass's tensors become the running sums, owned by the caller's scope (copies,
                // so that adding in place never writes into a tensor the target may keep).
                lossSum = scope.MoveToOuter(perSample.detach().clone());
                logitsSum = scope.MoveToOuter(logits.detach().clone());
                gradientSum = gradient is null ? null : scope.MoveToOuter(gradient.clone());
            }
            else
            {
                lossSum.add_(perSample.detach());
                logitsSum!.add_(logits.detach());
                gradientSum?.add_(gradient!);
            }
        }
        if (eotSamples > 1)
        {
            lossSum!.div_(eotSamples);
            logitsSum!.div_(eotSamples);
            gradientSum?.div_(eotSamples);
        }
        return (lossSum!, logitsSum!, gradientSum);
    }
}
