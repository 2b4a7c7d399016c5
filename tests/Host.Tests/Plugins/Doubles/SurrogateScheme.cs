using Neuromorph.Abstractions;
using TorchSharp;

namespace Neuromorph.Host.Tests.Plugins.Doubles;

/// <summary>A plugin author's mistake: a scheme whose constructor asks for a surrogate gradient.</summary>
[Plugin("surrogate-scheme")]
internal sealed class SurrogateScheme(PluginContext context, ISurrogateGradient surrogate) : IDistillationScheme
{
    public DistillationTerm Compute(torch.Tensor timestepLogits, torch.Tensor? labels) =>
        new(surrogate.Spike(timestepLogits).sum() * context.Timesteps, new Dictionary<string, Diagnostic>());
}
