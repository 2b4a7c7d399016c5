using TorchSharp;

namespace Neuromorph.Abstractions;

/// <summary>
/// A distillation term computed from the network's per-timestep outputs, added to the cross-entropy of
/// the time-averaged logits: <c>L = CE(mean_t o(t), y) + D</c>.
/// </summary>
public interface IDistillationScheme
{
    /// <summary>
    /// Whether <see cref="Compute"/> needs the labels. Self-distillation schemes do not; when false the
    /// host passes <c>null</c>.
    /// </summary>
    bool UsesLabels => false;

    /// <summary>
    /// The scheme's loss term for one iteration. <paramref name="timestepLogits"/> is <c>[T, B, M]</c>:
    /// the logits of every timestep (submodel) for a batch of B samples and M classes.
    /// <paramref name="labels"/> is <c>[B]</c> (class indices) when <see cref="UsesLabels"/> is true.
    /// </summary>
    DistillationTerm Compute(torch.Tensor timestepLogits, torch.Tensor? labels);
}
