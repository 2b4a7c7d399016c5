using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins.Doubles;

/// <summary>A scheme whose constructor rejects a window below 1, as plugins validate their options.</summary>
[Plugin("strict")]
internal sealed class StrictScheme : IDistillationScheme
{
    public StrictScheme(StrictSchemeOptions options)
    {
        if (options.Window < 1)
            throw new PluginOptionsException("window", $"window must be at least 1, got {options.Window}.");
    }

    public DistillationTerm Compute(torch.Tensor timestepLogits, torch.Tensor? labels) =>
        new(torch.zeros([]), new Dictionary<string, Diagnostic>());
}
