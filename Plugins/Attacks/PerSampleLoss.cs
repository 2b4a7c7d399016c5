using static TorchSharp.torch;

namespace Neuromorph.Plugins.Attacks;

/// <summary>
/// An attack's objective: the per-sample loss <c>[B]</c> of the (possibly perturbed) <paramref name="inputs"/>
/// given the target's time-averaged <paramref name="logits"/> <c>[B, M]</c> for them.
/// </summary>
internal delegate Tensor PerSampleLoss(Tensor inputs, Tensor logits);

/// <summary>The losses attacks share.</summary>
internal static class AttackLosses
{
    /// <summary>Cross-entropy of the time-averaged logits against the true <paramref name="labels"/>, per sample.</summary>
    public static PerSampleLoss CrossEntropy(Tensor labels) =>
        (_, logits) => nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.None);
}
