using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.HotReload;

/// <summary>A distillation scheme on trial: the new version, falling back to the previous one (see <see cref="SwapTrial"/>).</summary>
internal sealed class TrialScheme(SwapTrial trial, string label, IDistillationScheme candidate, IDistillationScheme previous)
    : IDistillationScheme
{
    /// <summary>Always true, so the labels are at hand for whichever version computes the term.</summary>
    public bool UsesLabels => true;

    public DistillationTerm Compute(torch.Tensor timestepLogits, torch.Tensor? labels) =>
        trial.Call(label, candidate, previous, scheme => scheme.Compute(timestepLogits, scheme.UsesLabels ? labels : null));
}
