using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Plugins.Guards;

/// <summary>A distillation scheme called through its <see cref="PluginGuard"/>.</summary>
internal sealed class GuardedScheme(PluginGuard guard) : IDistillationScheme
{
    public PluginGuard Guard => guard;

    /// <summary>
    /// Whether labels are needed: the scheme's own answer, or always while a previous version stands by, so the labels
    /// are at hand for whichever version computes the term (each is given them only if it uses them).
    /// </summary>
    public bool UsesLabels => guard.Previous is not null || ((IDistillationScheme)guard.Current).UsesLabels;

    public DistillationTerm Compute(torch.Tensor timestepLogits, torch.Tensor? labels) =>
        guard.Call<IDistillationScheme, DistillationTerm>(scheme => scheme.Compute(timestepLogits, scheme.UsesLabels ? labels : null));
}
